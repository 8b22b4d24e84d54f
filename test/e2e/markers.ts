import type { Page } from '@playwright/test';

export interface Marker {
  ruleId: string;
  fieldKey: string;
  severity: string;
  kind: string;
  row?: number;
  message: string;
}

/** Inline warnings drawn in every frame of the page (frames get their own overlay). */
export async function markersOf(page: Page): Promise<Marker[]> {
  const all: Marker[] = [];
  for (const frame of page.frames()) {
    const found = await frame
      .locator('[data-caselint-rule]')
      .evaluateAll((els) =>
        els.map((el) => ({
          ruleId: el.getAttribute('data-caselint-rule')!,
          fieldKey: el.getAttribute('data-caselint-field')!,
          severity: el.getAttribute('data-caselint-severity')!,
          kind: el.getAttribute('data-caselint-kind')!,
          row: el.hasAttribute('data-caselint-row') ? Number(el.getAttribute('data-caselint-row')) : undefined,
          message: el.querySelector('.cl-msg')?.textContent ?? '',
        })),
      )
      .catch(() => []);
    all.push(...found);
  }
  return all;
}

/** Waits until the page shows `count` markers (or, for zero, until it has settled). */
export async function waitForMarkers(page: Page, count: number, timeout = 10_000): Promise<Marker[]> {
  const start = Date.now();
  let last: Marker[] = [];
  if (count === 0) {
    await page.waitForTimeout(800);
    return markersOf(page);
  }
  while (Date.now() - start < timeout) {
    last = await markersOf(page);
    if (last.length >= count) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

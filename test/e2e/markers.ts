import { expect, type Page } from '@playwright/test';

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

/** Waits until the page shows `count` markers (for zero: until CaseLint has read the page, `html[data-caselint-read]`). */
export async function waitForMarkers(page: Page, count: number, timeout = 10_000): Promise<Marker[]> {
  if (count === 0) {
    await page.locator('html[data-caselint-read]').waitFor({ state: 'attached', timeout });
    return markersOf(page);
  }
  let last: Marker[] = [];
  await expect
    .poll(async () => (last = await markersOf(page)).length, { timeout, intervals: [100] })
    .toBeGreaterThanOrEqual(count)
    .catch(() => {});
  return last;
}

/** Waits until CaseLint has read the page (it marks `<html data-caselint-read="<fields>">`). */
export async function waitForRead(page: Page, timeout = 10_000): Promise<void> {
  await page.locator('html[data-caselint-read]').waitFor({ state: 'attached', timeout });
}

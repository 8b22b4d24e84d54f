/**
 * The intranet plugin in old Chromium cores (89 and 90, see test/old-chromium.ts): on every demo
 * page it finds exactly what it finds in current Chromium — the same findings with the same
 * messages, the same passed and not-applicable rules, no warning — and the seeded problems.
 * Before the compatibility target, these cores gave no finding at all and the warning
 * "检查未完成：Object.hasOwn is not a function".
 */
import type { Browser, Page } from '@playwright/test';
import { demoPages } from '../../scripts/demo-site/server';
import { launchPlain, PLUGIN_FILE, requireBuild } from '../browser';
import { connectOldChromium, OLD_CORES, type OldCore } from '../old-chromium';
import { expectedFindings, line } from './expected';
import { expect, test } from './fixtures';

type Scan = { findings: string[]; passed: string[]; notApplicable: string[]; warnings: string[]; caseNumber: string | null };

/** A hang of the old core surfaces at its page within this, not at the test's timeout. */
const STEP_TIMEOUT = 30_000;

function within<T>(step: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer within ${STEP_TIMEOUT} ms`)), STEP_TIMEOUT)));
  return Promise.race([step, late]).finally(() => clearTimeout(timer));
}

async function scanWithPlugin(page: Page, url: string): Promise<Scan> {
  await page.goto(url, { timeout: STEP_TIMEOUT });
  await page.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT });
  await within(page.addScriptTag({ path: PLUGIN_FILE }), `adding the plugin to ${url}`);
  const r = await within(page.evaluate(() => window.CaseLint!.scan()), `scan() on ${url}`);
  return {
    findings: r.findings.map((f) => `${line(f)} | ${f.message} | ${f.basis}`).sort(),
    passed: [...r.passed].sort(),
    notApplicable: [...r.notApplicable].sort(),
    warnings: r.warnings,
    caseNumber: r.fields['case.number'] ?? null,
  };
}

// The old cores are third-party headless builds run single-process: under a long suite one has
// hung once in its DevTools handshake or a navigation. One retry, on a fresh start of the core;
// a wrong result fails both attempts alike.
test.describe.configure({ retries: 1 });

let current: Browser;
test.beforeAll(async () => {
  requireBuild();
  current = await launchPlain();
});
test.afterAll(async () => current?.close());

for (const core of Object.keys(OLD_CORES) as OldCore[]) {
  test(`Chromium ${core}: the plugin finds on every demo page what current Chromium finds`, async ({ demo }) => {
    test.setTimeout(240_000);
    const old = await connectOldChromium(core);
    try {
      const browser = old.browser;
      const context = browser.contexts()[0]!;
      const page = context.pages()[0] ?? (await context.newPage());
      // It really is the old core (a positive control: the feature the plugin once needed is absent).
      const ua = await page.evaluate(() => navigator.userAgent);
      expect(ua).toContain(`Chrome/${core}.`);
      expect(await page.evaluate(() => typeof (Object as { hasOwn?: unknown }).hasOwn)).toBe('undefined');

      const reference = await current.newPage();
      const pages = demoPages();
      expect(pages.length).toBeGreaterThan(10);
      for (const { caseId, page: pageType, path } of pages) {
        const where = `${caseId} ${pageType}`;
        const [inOld, inCurrent] = [await scanWithPlugin(page, demo.url + path), await scanWithPlugin(reference, demo.url + path)];
        expect(inOld.warnings, where).toEqual([]);
        expect(inOld.caseNumber, `${where}: the page was read`).toBe(caseId);
        expect(inOld, where).toEqual(inCurrent);
        const seeded = expectedFindings(caseId, pageType).map(line).sort();
        expect(inOld.findings.map((f) => f.split(' | ')[0]).sort(), where).toEqual(seeded);
      }
      await reference.close();
      await browser.close();
    } finally {
      old.close();
    }
  });
}

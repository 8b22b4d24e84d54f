/** Every demo page: the extension's markers and the plugin's scan() match the page's expected-findings file. */
import { demoPages } from '../../scripts/demo-site/server';
import { PLUGIN_FILE } from '../browser';
import { expectedFindings, line } from './expected';
import { expect, test } from './fixtures';

for (const { caseId, page: pageType, path } of demoPages()) {
  test(`${caseId} ${pageType}: extension and plugin find exactly the seeded problems`, async ({ extContext, demo }) => {
    const expected = expectedFindings(caseId, pageType).map(line).sort();
    const page = await extContext.newPage();
    await page.goto(demo.url + path);
    await page.waitForLoadState('networkidle');
    const markers = page.locator('[data-caselint-rule]');
    if (expected.length) await expect(markers).toHaveCount(expected.length);
    else await page.waitForTimeout(600);
    const shown = await markers.evaluateAll((els) =>
      els.map((el) => ({
        ruleId: el.getAttribute('data-caselint-rule')!,
        fieldKey: el.getAttribute('data-caselint-field')!,
        severity: el.getAttribute('data-caselint-severity')!,
        kind: el.getAttribute('data-caselint-kind')!,
        row: el.hasAttribute('data-caselint-row') ? Number(el.getAttribute('data-caselint-row')) : undefined,
      })),
    );
    expect(shown.map(line).sort()).toEqual(expected);

    await page.addScriptTag({ path: PLUGIN_FILE });
    const scanned = await page.evaluate(() => window.CaseLint!.scan().findings);
    expect(scanned.map(line).sort()).toEqual(expected);
  });
}

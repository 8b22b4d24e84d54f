/** Every demo page: the extension's markers and the plugin's scan() match the page's expected-findings file. */
import { demoPages } from '../../scripts/demo-site/server';
import { PLUGIN_FILE } from '../browser';
import { expectedFindings, line } from './expected';
import { expect, test } from './fixtures';
import { waitForMarkers } from './markers';

for (const { caseId, page: pageType, path } of demoPages()) {
  test(`${caseId} ${pageType}: extension and plugin find exactly the seeded problems`, async ({ extContext, demo }) => {
    const expected = expectedFindings(caseId, pageType).map(line).sort();
    const page = await extContext.newPage();
    await page.goto(demo.url + path);
    await page.waitForLoadState('networkidle');
    // The extension really read the page's fields (a compliant page must not pass because nothing
    // ran, nor because it was read before its form was drawn).
    await expect.poll(async () => Number(await page.locator('html').getAttribute('data-caselint-read'))).toBeGreaterThan(0);
    const shown = await waitForMarkers(page, expected.length);
    expect(shown.map(line).sort()).toEqual(expected);

    await page.addScriptTag({ path: PLUGIN_FILE });
    const scan = await page.evaluate(() => window.CaseLint!.scan());
    expect(scan.findings.map(line).sort()).toEqual(expected);
    // The page was really read (a compliant page must not pass by reading nothing).
    expect(scan.fields['case.number']).toBe(caseId);
    expect(scan.passed.length + scan.findings.length).toBeGreaterThan(0);
  });
}

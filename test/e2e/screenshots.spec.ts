/**
 * The README's screenshots, produced from the demo site. In `npm test` they go to the test output
 * (the tracked docs are never rewritten by a test run); `npm run screenshots` updates docs/screenshots/.
 */
import { EXTENSION_ID } from '../browser';
import { expect, test } from './fixtures';
import { waitForRead } from './markers';

test('screenshots: inline warning, audit panel, weekly report, settings', async ({ freshContext: ctx, demo }, testInfo) => {
  const OUT = process.env.CASELINT_SCREENSHOTS_DIR ?? testInfo.outputPath('screenshots');
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await marker.focus();
  await expect(marker.locator('.cl-pop')).toBeVisible();
  await page.screenshot({ path: `${OUT}/inline-warning.png` });

  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Alt+Shift+A');
  await expect(page.locator('section.ap')).toBeVisible();
  await page.screenshot({ path: `${OUT}/audit-panel.png` });

  for (const p of ['XS2024-0302/bail', 'XZ2024-0415/penalty', 'XS2024-0304/interrogation']) {
    const t = await ctx.newPage();
    await t.goto(`${demo.url}/case/${p}`);
    await expect(t.locator('[data-caselint-rule]').first()).toBeVisible();
    await waitForRead(t);
    await t.close(); // closing reports the page at once (pagehide)
  }
  const report = await ctx.newPage();
  await report.setViewportSize({ width: 1200, height: 1000 });
  await report.goto(`chrome-extension://${EXTENSION_ID}/report.html#weekly`);
  await expect(report.locator('[data-section="各单位"] canvas')).toBeVisible();
  await report.waitForFunction(() => !!document.body.dataset.renderMs);
  await report.screenshot({ path: `${OUT}/weekly-report.png` });

  const options = await ctx.newPage();
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html#rules`);
  await options.locator('tr[data-rule="detention-family-notice-24h"] summary').click();
  await options.locator('#rules').scrollIntoViewIfNeeded();
  await expect(options.locator('tr[data-rule="detention-family-notice-24h"] dl.parts')).toBeVisible();
  await options.screenshot({ path: `${OUT}/options.png` });
});

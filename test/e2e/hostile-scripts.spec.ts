/**
 * A hostile page (forged postMessage and DOM events, redefined Element/Document methods, removing
 * CaseLint's nodes) cannot write to or read from the log, and cannot silence the warnings.
 */
import { expect, test } from './fixtures';
import { openLogPage, readLog, waitForLog } from './log-helpers';

test('forged messages and events, redefined DOM methods and removed nodes change nothing that matters', async ({ freshContext: ctx, demo }) => {
  const page = await ctx.newPage();
  await page.goto(`${demo.url}/fixtures/hostile-page-scripts.html`);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  // The page removes our overlay every 300 ms; it comes back each time.
  await expect(marker).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.length)).toBeGreaterThan(1);
  await expect(marker).toHaveCount(1);
  await marker.focus();
  await expect(marker.locator('.cl-msg')).toContainText('26小时15分');
  // The page has no way to the extension or its log.
  expect(await page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  // The log holds exactly the real finding, nothing forged.
  const log = await openLogPage(ctx);
  const rows = await waitForLog(log, 1);
  expect(rows.map((r) => `${r.caseNumber} ${r.ruleId}`)).toEqual(['XS2024-0666 detention-family-notice-24h']);
  // The forgeries were posted on load, before the real report: had one reached the log, it would be there now.
  expect((await readLog(log)).map((r) => r.caseNumber)).not.toContain('FORGED');
});

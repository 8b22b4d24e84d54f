/** The Chrome side panel shows the active page's findings live, jumps to a field in the page, and lets a reviewer confirm or dismiss. */
import type { Worker } from '@playwright/test';
import { EXTENSION_ID } from '../browser';
import { expect, test } from './fixtures';
import { openLogPage, readLog, waitForLog } from './log-helpers';

async function worker(ctx: import('@playwright/test').BrowserContext): Promise<Worker> {
  return ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
}

test('side panel: live findings of the tab, and a click highlights the field in the page', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  const sw = await worker(extContext);
  const tabId = await sw.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ url }))[0]?.id;
  }, page.url());
  expect(tabId).toBeGreaterThan(0);

  const panel = await extContext.newPage();
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html?tabId=${tabId}`);
  await expect(panel.locator('.ap-item')).toHaveCount(4);
  await expect(panel.locator('[data-count="error"] b')).toHaveText('4');
  await expect(panel.locator('.ap-case')).toHaveText('案件编号 XS2024-0302');

  // The officer fixes a field in the page: the side panel follows.
  await page.locator('#f-detention-custodyAt').fill('2024-03-05 20:00');
  await expect(panel.locator('.ap-item')).toHaveCount(3);

  // Jump to the field from the side panel.
  await panel.locator('[data-caselint-panel-rule="detention-family-notice-24h"]').click();
  await expect(page.locator('[data-caselint-highlight]')).toHaveCount(1);
  await expect(page.locator('#f-detention-familyNotifiedAt')).toBeFocused();
});

test('side panel on a tab without CaseLint says what to do', async ({ extContext }) => {
  const panel = await extContext.newPage();
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html?tabId=999999`);
  await expect(panel.locator('.sp-none')).toContainText('当前页面未启用 CaseLint');
});

test('a reviewer confirms and dismisses from the side panel; the page and the panel follow, the log records it (#15.2)', async ({ freshContext: ctx, demo }) => {
  const page = await ctx.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  const log = await openLogPage(ctx);
  await waitForLog(log, 4);
  const sw = await worker(ctx);
  const tabId = await sw.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ url }))[0]?.id;
  }, page.url());
  const panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html?tabId=${tabId}`);
  await expect(panel.locator('.ap-item')).toHaveCount(4);
  await panel.getByRole('button', { name: /^确认问题：拘留后二十四小时内通知家属/ }).click();
  await expect(panel.locator('.ap-said')).toHaveText('拘留后二十四小时内通知家属：已确认');
  await panel.getByRole('combobox', { name: /^排除：拘留后二十四小时内送看守所/ }).selectOption('not-applicable');
  await expect(panel.locator('.ap-said')).toHaveText('拘留后二十四小时内送看守所：已排除（本案不再提示）');
  // The page hides the dismissed rule's warning; the panel counts it as dismissed, and the counts add up.
  await expect(page.locator('[data-caselint-rule="detention-custody-24h"]')).toHaveCount(0);
  await expect(panel.locator('.ap-item')).toHaveCount(3);
  await expect(panel.locator('[data-count="dismissed"]')).toHaveText('1');
  const rows = await readLog(log);
  expect(rows.find((r) => r.ruleId === 'detention-family-notice-24h')).toMatchObject({ status: 'confirmed' });
  expect(rows.find((r) => r.ruleId === 'detention-custody-24h')).toMatchObject({ status: 'dismissed', dismissReason: 'not-applicable' });
});

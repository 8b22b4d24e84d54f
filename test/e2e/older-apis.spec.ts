/**
 * The extension's pages on a core that lacks the APIs newer than Chromium 88 (the MV3 build's
 * minimum): the side panel (114/116), storage.session (102), registerContentScripts (96) and
 * action.openPopup (127) are taken out of every extension page before its code runs. The popup
 * and the options page still do their work. (The worker, where init scripts do not reach, is
 * covered with the same APIs absent in test/unit/background-cores.test.ts.)
 */
import { EXTENSION_ID } from '../browser';
import { expect, test } from './fixtures';
import { waitForMarkers } from './markers';

test('popup and options work without the extension APIs newer than Chromium 88', async ({ freshContext: context, demo }) => {
  await context.addInitScript(() => {
    if (!location.protocol.startsWith('chrome-extension')) return;
    const c = (globalThis as unknown as { chrome: Record<string, Record<string, unknown>> }).chrome;
    const remove = (owner: Record<string, unknown> | undefined, key: string) => {
      if (!owner) return;
      delete owner[key];
      if (owner[key] !== undefined) Object.defineProperty(owner, key, { value: undefined, configurable: true });
    };
    remove(c, 'sidePanel');
    remove(c.storage, 'session');
    for (const k of ['registerContentScripts', 'getRegisteredContentScripts', 'unregisterContentScripts']) remove(c.scripting, k);
    remove(c.action, 'openPopup');
  });
  const page = await context.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await waitForMarkers(page, 4);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  // A positive control: in the extension's pages these APIs really are gone.
  expect(
    await popup.evaluate(() => {
      const c = (globalThis as unknown as { chrome: Record<string, Record<string, unknown> | undefined> }).chrome;
      return [typeof c.sidePanel, typeof c.storage?.session, typeof c.scripting?.registerContentScripts, typeof c.action?.openPopup];
    }),
  ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  const tabId = await popup.evaluate(
    async (url) => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome.tabs.query({ url }))[0]!.id,
    page.url(),
  );
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
  await expect(popup.locator('.site code')).toHaveText(demo.url);
  await expect(popup.locator('.site-state')).toHaveText('已启用');
  await popup.click('button:has-text("在本站点停用")');
  await expect(popup.locator('.site-state')).toHaveText('已停用');
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(0);
  await popup.click('button:has-text("在本站点启用")');
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);

  const options = await context.newPage();
  const errors: string[] = [];
  options.on('pageerror', (e) => errors.push(e.message));
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(options.locator('tr[data-origin="http://127.0.0.1"] .status')).toHaveText('已启用');
  await options.locator('#rules').scrollIntoViewIfNeeded();
  await expect(options.locator('#rules')).toContainText('拘留后二十四小时内通知家属');
  expect(errors).toEqual([]);
});

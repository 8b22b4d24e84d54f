/**
 * The options page, the popup's site switch and "pick a field", in Chromium with the built
 * extension. The browser's permission prompt for a new origin cannot be answered by Playwright:
 * the sites test adds the demo's own origin (127.0.0.1 with its port), which Chromium grants
 * without a prompt because the extension already holds it; the prompt's grant/refuse logic is
 * covered by test/unit/site-registration.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID, launchWithExtension } from '../browser';
import { expect, test } from './fixtures';
import { markersOf, waitForMarkers } from './markers';
import { RULE_COUNT } from './expected';

const OPTIONS = `chrome-extension://${EXTENSION_ID}/options.html`;
type Chrome = {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};

/** Runs code with the extension's APIs, in an extension page (the function must be self-contained). */
async function inExtension<T, A>(context: BrowserContext, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/rule.html`);
  const result = await page.evaluate(fn as (arg: unknown) => Promise<T>, arg);
  await page.close();
  return result;
}

const tabIdOf = (context: BrowserContext, page: Page) =>
  inExtension(
    context,
    async (url) => ((await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ url }))[0]?.id as number | undefined),
    page.url(),
  );

const registered = (context: BrowserContext) =>
  inExtension(context, async () => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts(), null);

async function popupFor(context: BrowserContext, page: Page): Promise<Page> {
  const id = await tabIdOf(context, page);
  expect(id).toBeGreaterThan(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${id}`);
  return popup;
}

test('sites: add an intranet origin, registered across a restart; the popup switches it off and on; remove it', async ({ demo }) => {
  const profileDir = mkdtempSync(join(tmpdir(), 'caselint-sites-'));
  let context = await launchWithExtension({ profileDir, role: 'reviewer' });
  try {
    const options = await context.newPage();
    await options.goto(OPTIONS);
    await options.fill('input[name=origin]', `${demo.url}/case/x`);
    await options.click('button:has-text("添加站点")');
    await expect(options.locator('#sites .banner.error')).toContainText('不要含路径');

    await options.fill('input[name=origin]', demo.url.replace('http://', ''));
    await options.click('button:has-text("添加站点")');
    await expect(options.locator('[role=status]').first()).toContainText(`已添加 ${demo.url}`);
    const row = options.locator(`tr[data-origin="${demo.url}"]`);
    await expect(row).toContainText('自行添加');
    await expect(row.locator('.status')).toHaveText('已启用');
    await expect.poll(async () => (await registered(context)).map((s) => s.id)).toEqual([`caselint-site:${demo.url}`]);

    // After a restart the registration is there again: kept by the browser (persistAcrossSessions)
    // or, where Chromium drops it (an unpacked extension reloaded at launch counts as an update),
    // registered again as soon as the worker starts. The demo page on the built-in origin wakes it.
    await context.close();
    context = await launchWithExtension({ profileDir });
    const page = await context.newPage();
    await page.goto(`${demo.url}/case/XS2024-0302/detention`);
    await waitForMarkers(page, 4); // the page ran CaseLint once, not twice (declared + registered)
    await expect
      .poll(async () => (await registered(context)).map((s) => [s.id, s.matches]), { timeout: 20_000 })
      .toEqual([[`caselint-site:${demo.url}`, [`${demo.url}/*`]]]);

    const popup = await popupFor(context, page);
    await expect(popup.locator('.site code')).toHaveText(demo.url);
    await expect(popup.locator('.site-state')).toHaveText('已启用');
    await popup.click('button:has-text("在本站点停用")');
    await expect(popup.locator('.site-state')).toHaveText('已停用');
    // The open page follows at once: no warnings, no reload.
    await expect(page.locator('[data-caselint-rule]')).toHaveCount(0);
    await expect.poll(async () => (await registered(context)).length).toBe(0);
    await popup.click('button:has-text("在本站点启用")');
    await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);

    const options2 = await context.newPage();
    await options2.goto(OPTIONS);
    const row2 = options2.locator(`tr[data-origin="${demo.url}"]`);
    // The options page's switch does the same as the popup's.
    await row2.locator('input[type=checkbox]').uncheck();
    await expect(row2.locator('.status')).toHaveText('已停用');
    await expect(page.locator('[data-caselint-rule]')).toHaveCount(0);
    await row2.locator('input[type=checkbox]').check();
    await expect(row2.locator('.status')).toHaveText('已启用');
    await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
    await row2.locator('button:has-text("移除")').click();
    await expect(row2).toHaveCount(0);
    await expect.poll(async () => (await registered(context)).length).toBe(0);
    // The built-in origin still covers the demo: CaseLint keeps working there.
    await page.reload();
    await waitForMarkers(page, 4);
  } finally {
    await context.close();
  }
});

test('role: an officer gets inline warnings only; a reviewer also gets the audit panel and the review actions', async ({ freshContext, demo }) => {
  const options = await freshContext.newPage();
  await options.goto(OPTIONS);
  await options.check('input[name=role][value=officer]');
  await options.click('#role button[type=submit]');
  await expect(options.locator('#role [role=status]')).toContainText('已保存');

  const page = await freshContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await waitForMarkers(page, 4);
  await page.keyboard.press('Alt+Shift+A');
  // The shortcut's handler opens the panel at once for a reviewer; an officer's page has none.
  await expect(page.locator('section.ap')).toHaveCount(0);
  const log = await freshContext.newPage();
  await log.goto(`chrome-extension://${EXTENSION_ID}/log.html`);
  await expect(log.locator('.officer-note')).toContainText('法制审核员');
  await expect(log.locator('section.bulk')).toBeHidden();

  await options.check('input[name=role][value=reviewer]');
  await options.fill('input[name=reviewerName]', '王审核');
  await options.fill('input[name=reviewerUnit]', '城关派出所');
  await options.click('#role button[type=submit]');
  await expect(options.locator('#role [role=status]')).toContainText('已保存');
  // The open page follows the new role without a reload.
  await expect(async () => {
    await page.keyboard.press('Alt+Shift+A');
    await expect(page.locator('section.ap')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await log.reload();
  await expect(log.locator('section.bulk')).toBeVisible();
});

test('rules: switch a rule off and change its severity; the open case page follows; the four parts are shown', async ({ freshContext, demo }) => {
  const page = await freshContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  const before = await waitForMarkers(page, 4);
  expect(before.find((m) => m.ruleId === 'detention-family-notice-24h')?.severity).toBe('error');

  const options = await freshContext.newPage();
  await options.goto(OPTIONS);
  const row = options.locator('tr[data-rule="detention-family-notice-24h"]');
  await row.locator('summary').click();
  for (const part of ['行为规范', '相关依据', '常见顽疾', '巡查标准']) await expect(row.locator('dt', { hasText: part })).toBeVisible();
  await expect(row.locator('dd').nth(1)).toContainText('第八十五条');

  await row.locator('select[name=severity]').selectOption('info');
  await expect(options.locator('#rules [role=status]')).toContainText('已保存');
  await expect.poll(async () => (await markersOf(page)).find((m) => m.ruleId === 'detention-family-notice-24h')?.severity).toBe('info');

  await row.locator('input[name=dueSoonCapHours]').fill('0');
  await row.locator('input[name=dueSoonCapHours]').blur();
  await expect(options.locator('#rules [role=alert]')).toContainText('1 到 720');

  await row.locator('input[name=enabled]').uncheck();
  await expect.poll(async () => (await markersOf(page)).map((m) => m.ruleId)).not.toContain('detention-family-notice-24h');
  await expect.poll(async () => (await markersOf(page)).length).toBe(3);
  // Kept apart from the pack, and still there after a reload of the options page.
  await options.reload();
  await expect(options.locator('tr[data-rule="detention-family-notice-24h"] input[name=enabled]')).not.toBeChecked();
  await expect(options.locator('tr[data-rule="detention-family-notice-24h"] select[name=severity]')).toHaveValue('info');
});

test('rule pack: a broken pack is refused with every error; a good one is previewed, applied, exported and the built-in restored', async ({ freshContext }) => {
  const options = await freshContext.newPage();
  await options.goto(OPTIONS);
  const builtIn = JSON.parse(await options.evaluate(async () => JSON.stringify(await (await fetch('/managed_schema.json')).json())));
  expect(builtIn.properties.rulePack.type).toBe('string'); // the policy schema ships with the extension

  // Export the pack in force and edit it as next year's pack.
  const [download] = await Promise.all([options.waitForEvent('download'), options.click('button:has-text("导出当前规则包")')]);
  const pack = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
  expect(pack.rules).toHaveLength(RULE_COUNT);

  const broken = structuredClone(pack);
  broken.rules[2].severity = 'fatal';
  broken.rules[7].check.type = 'no-such-check';
  broken.rules.push(structuredClone(broken.rules[0]));
  await options.setInputFiles('input[name=packFile]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = options.locator('#pack [role=alert]');
  await expect(alert).toContainText('有 3 处错误，未作任何更改');
  await expect(alert.locator('li')).toHaveText([/^rules\[2\]\.severity: /, /^rules\[7\]\.check/, /^rules\[45\]\.id: 规则编号“.+”重复/]);
  await expect(options.locator('[data-pack-source]')).toHaveAttribute('data-pack-source', 'built-in');

  await options.setInputFiles('input[name=packFile]', { name: 'not.json', mimeType: 'application/json', buffer: Buffer.from('{"rules": [') });
  await expect(alert).toContainText('不是有效的 JSON 文件');

  const next = structuredClone(pack);
  next.version = '2027.1.0';
  next.rules = next.rules.filter((r: { id: string }) => r.id !== 'case-receipt-served');
  next.rules.find((r: { id: string }) => r.id === 'bail-max-12m').severity = 'warning';
  await options.setInputFiles('input[name=packFile]', { name: 'pack-2027.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
  const preview = options.locator('.preview');
  await expect(preview.locator('.summary')).toHaveText('新增 0 条，删除 1 条，修改 1 条，未变 43 条。');
  await expect(preview.locator('.removed li')).toHaveText(/受案应出具回执/);
  await expect(preview.locator('.changed li')).toHaveText(/取保候审不得超过十二个月.*severity/);
  await preview.locator('button:has-text("应用此规则包")').click();
  await expect(options.locator('#pack [role=status]')).toContainText('已应用规则包');
  await expect(options.locator('[data-pack-source]')).toHaveAttribute('data-pack-source', 'user');
  await expect(options.locator('[data-pack-source]')).toContainText('2027.1.0');
  await expect(options.locator('#rules tbody tr')).toHaveCount(44);

  // The rule page and the log use the pack in force.
  const doc = await freshContext.newPage();
  await doc.goto(`chrome-extension://${EXTENSION_ID}/rule.html`);
  await expect(doc.locator('nav.toc a')).toHaveCount(44);

  options.once('dialog', (d) => void d.accept());
  await options.click('button:has-text("恢复内置规则包")');
  await expect(options.locator('[data-pack-source]')).toHaveAttribute('data-pack-source', 'built-in');
  await expect(options.locator('#rules tbody tr')).toHaveCount(RULE_COUNT);
});

/** A year shaped like the State Council's arrangement: 28 days off and 6 adjusted working days. */
function arrangement(year: number) {
  const holidays: Record<string, string> = {};
  const add = (md: string[], name: string) => md.forEach((d) => (holidays[`${year}-${d}`] = name));
  add(['01-01', '01-02', '01-03'], '元旦');
  add(['01-22', '01-23', '01-24', '01-25', '01-26', '01-27', '01-28'], '春节');
  add(['04-04', '04-05', '04-06'], '清明节');
  add(['05-01', '05-02', '05-03', '05-04', '05-05'], '劳动节');
  add(['06-01', '06-02', '06-03'], '端午节');
  add(['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'], '国庆节');
  const workdays = Object.fromEntries(['01-19', '02-08', '04-27', '05-09', '09-28', '10-11'].map((d) => [`${year}-${d}`, '调休']));
  return { holidays, workdays };
}

test('holidays: shows the covered years, previews and imports a newer year, refuses a malformed or implausible file', async ({ freshContext }) => {
  const options = await freshContext.newPage();
  await options.goto(OPTIONS);
  await expect(options.locator('[data-years=bundled]')).toHaveText(/^20\d\d–20\d\d$/);
  await expect(options.locator('[data-years=imported]')).toHaveText('无');
  await options.setInputFiles('input[name=calendarFile]', {
    name: 'holidays-2031.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(arrangement(2031))),
  });
  // A preview first: nothing changes before "应用".
  const preview = options.locator('#calendar .calendar-preview');
  await expect(preview.locator('li[data-year="2031"]')).toContainText('2031 年：节假日 28 天，调休上班 6 天；新增节假日 2031-01-01');
  await expect(options.locator('[data-years=imported]')).toHaveText('无');
  await preview.locator('button', { hasText: '应用' }).click();
  await expect(options.locator('#calendar [role=status]')).toContainText('已导入 2031 年');
  await expect(options.locator('[data-years=imported]')).toHaveText('2031');
  await options.setInputFiles('input[name=calendarFile]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ holidays: ['31/01/2031'], workdays: [] })) });
  await expect(options.locator('#calendar div[role=alert]')).toContainText('格式不正确，未导入');
  await expect(options.locator('#calendar div[role=alert] li')).toHaveText([/^holidays\[0\]: 应为日期 YYYY-MM-DD/]);
  await expect(options.locator('[data-years=imported]')).toHaveText('2031');
  // Garbage that has the right shape (#16.8): a date that does not exist; an empty 2026.
  await options.setInputFiles('input[name=calendarFile]', { name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ holidays: { '2026-13-45': '乱码' }, workdays: {} })) });
  await expect(options.locator('#calendar div[role=alert] li').first()).toHaveText('holidays.2026-13-45: 不存在的日期');
  await options.setInputFiles('input[name=calendarFile]', { name: 'empty-2026.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ holidays: [], workdays: [], years: [2026] })) });
  await expect(options.locator('#calendar div[role=alert]')).toContainText('2026 年有 0 天节假日');
  await expect(preview).toHaveCount(0);
  await expect(options.locator('[data-years=imported]')).toHaveText('2031');
});

test('English: the in-app switch turns the options page to English and back', async ({ freshContext }) => {
  const options = await freshContext.newPage();
  await options.goto(OPTIONS);
  await expect(options.locator('h1')).toHaveText('CaseLint 执法巡查助手 · 设置');
  await options.click('button:has-text("English")');
  await expect(options.locator('h1')).toHaveText('CaseLint · Settings');
  await expect(options.locator('#sites-h')).toHaveText('Sites');
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  await options.reload();
  await expect(options.locator('#rules-h')).toHaveText('Rules');
  await options.click('button:has-text("中文")');
  await expect(options.locator('#rules-h')).toHaveText('规则');
});

test('pick a field: on a page whose labels are not recognised, the user assigns fields; warnings follow; profiles export and import', async ({ freshContext, demo }) => {
  const url = `${demo.url}/jz/XS2024-0999/custody`;
  // A case system of another vendor: labels CaseLint does not know.
  await freshContext.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>羁押登记</title></head><body>
        <h1>羁押登记</h1>
        <div class="f"><span>羁押起始</span><input id="jyqs" value="2024-03-05 14:30"></div>
        <div class="f"><span>亲属告知</span><input id="qsgz" value="2024-03-06 16:45"></div>
        <button id="save" onclick="document.title='已提交'">提交</button>
      </body></html>`,
    }),
  );
  const page = await freshContext.newPage();
  await page.goto(url);
  expect(await waitForMarkers(page, 0)).toEqual([]);

  const popup = await popupFor(freshContext, page);
  await popup.click('button:has-text("选取字段")');
  await expect(popup.locator('[role=status]')).toContainText('请在页面上点击');
  const picker = page.locator('[data-caselint-picker]');
  await expect(picker.locator('.bar')).toContainText('请点击页面上的输入框');

  await page.click('#jyqs');
  await picker.locator('select[data-caselint-pick-field]').selectOption('detention.startAt');
  await picker.locator('button:has-text("保存")').click();
  await expect(picker.locator('[role=status]')).toContainText('已保存');
  await page.click('#qsgz');
  await picker.locator('select[data-caselint-pick-field]').selectOption('detention.familyNotifiedAt');
  await picker.locator('button:has-text("保存")').click();
  await expect(picker.locator('li')).toHaveCount(2);
  // Clicks while picking do not reach the page.
  await page.click('#save');
  expect(await page.title()).toBe('羁押登记');
  await picker.locator('button:has-text("完成")').click();
  await expect(picker).toHaveCount(0);

  const [marker] = await waitForMarkers(page, 1);
  expect(marker).toMatchObject({ ruleId: 'detention-family-notice-24h', fieldKey: 'detention.familyNotifiedAt', severity: 'error' });
  expect(marker!.message).toContain('26小时15分');

  // Another case of the same page type uses the same profile.
  const other = `${demo.url}/jz/XS2024-1000/custody`;
  await freshContext.route(other, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<html><body><input id="jyqs" value="2024-03-05 08:00"><input id="qsgz" value="2024-03-05 09:00"></body></html>` }));
  const page2 = await freshContext.newPage();
  await page2.goto(other);
  expect(await waitForMarkers(page2, 0)).toEqual([]);

  const options = await freshContext.newPage();
  await options.goto(OPTIONS);
  const profile = options.locator('#profiles .profile');
  await expect(profile).toHaveCount(1);
  await expect(profile.locator('h3 code')).toHaveText(`^${demo.url.replace(/\./g, '\\.')}/jz/[^/]+/custody(?:[?#]|$)`);
  await expect(profile.locator('tbody tr')).toHaveCount(2);
  await expect(profile.locator('tr[data-field="detention.startAt"] td').nth(1)).toHaveText('#jyqs');
  const [download] = await Promise.all([options.waitForEvent('download'), options.click('button:has-text("导出站点配置")')]);
  const file = await (await import('node:fs/promises')).readFile((await download.path())!);
  await profile.locator('button:has-text("删除配置")').click();
  await expect(options.locator('#profiles .profile')).toHaveCount(0);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(0);
  await options.setInputFiles('input[name=profilesFile]', { name: 'profiles.json', mimeType: 'application/json', buffer: file });
  await expect(options.locator('#profiles [role=status]')).toContainText('已导入 1 个站点配置');
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"]')).toHaveCount(1);
});

test('a warning’s “查看规则全文” opens the rule page through the extension', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await waitForMarkers(page, 4);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await marker.click();
  const [doc] = await Promise.all([extContext.waitForEvent('page'), marker.locator('.cl-link').click()]);
  await expect(doc).toHaveURL(`chrome-extension://${EXTENSION_ID}/rule.html#detention-family-notice-24h`);
  await expect(doc.locator('article#detention-family-notice-24h h2')).toHaveText('拘留后二十四小时内通知家属');
});

/** The intranet plugin: one script file injected into a page gives the same findings as the extension. */
import type { Browser } from '@playwright/test';
import { launchPlain, PLUGIN_FILE, requireBuild } from '../browser';
import { expect, test } from './fixtures';

let browser: Browser;
test.beforeAll(async () => {
  requireBuild();
  browser = await launchPlain();
});
test.afterAll(async () => browser?.close());

test('CaseLint.scan() returns the detention family-notice finding on the 刑事拘留 page', async ({ demo }) => {
  const page = await browser.newPage({ timezoneId: 'Asia/Shanghai' });
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  const finding = result.findings.find((f) => f.ruleId === 'detention-family-notice-24h');
  expect(finding).toMatchObject({
    fieldKey: 'detention.familyNotifiedAt',
    severity: 'error',
    kind: 'violation',
    message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时（应于 2024-03-06 14:30 前通知）',
    basis: '《中华人民共和国刑事诉讼法》第八十五条第二款；《公安机关办理刑事案件程序规定》第一百二十七条',
  });
  expect(result.fields['detention.startAt']).toBe('2024-03-05 14:30');
  expect(result.passed).toContain('detention-interrogation-24h');
  expect(result.notApplicable).toContain('bail-max-12m');
  expect(typeof (await page.evaluate(() => window.CaseLint!.version))).toBe('string');
});

test('scan() on a page without any known field gives nothing and logs no error', async ({ demo }) => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${demo.url}/`);
  await page.setContent('<html><body><h1>公告</h1><p>今日无事</p><input name="x"></body></html>');
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(result.findings).toEqual([]);
  expect(Object.keys(result.fields)).toEqual([]);
  expect(problems).toEqual([]);
});

test('loadPack() rejects an invalid pack with every error by path and keeps the old pack', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const out = await page.evaluate(() => {
    try {
      window.CaseLint!.loadPack({ format: 'caselint.pack/v1', rules: [{ id: 'x', check: { type: 'nope' } }] });
      return 'accepted';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(out).toContain('rules[0].check.type: unknown check "nope"');
  expect(out).toContain('id:');
  const after = await page.evaluate(() => window.CaseLint!.scan().findings.length);
  expect(after).toBeGreaterThan(0);
});

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
  expect(out).toContain('规则包无效');
  expect(out).toContain('rules[0].check.type: 未知的检查类型“nope”');
  expect(out).toContain('id:');
  const after = await page.evaluate(() => window.CaseLint!.scan().findings.length);
  expect(after).toBeGreaterThan(0);
});

test('invisible characters in a value do not turn a violation into "unreadable" (#16.7)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/case/XS2024-0301/detention`);
  // Pasted from a rich-text field: a zero-width space in the time, a word joiner and an RLO in the ID number.
  await page.fill('#f-detention-familyNotifiedAt', '2024-03-05 20:\u200b45');
  await page.fill('#f-suspect-idNumber', '3201021985\u2060031200\u202e12');
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  const family = result.findings.filter((f) => f.ruleId === 'detention-family-notice-24h');
  expect(family.map((f) => [f.kind, f.message])).toEqual([['violation', expect.stringContaining('26小时15分')]]);
  expect(result.findings.filter((f) => f.ruleId === 'id-number-valid')).toEqual([]);
  expect(result.fields['suspect.idNumber']).toBe('320102198503120012');
});

test('frames nested deeper than the reader follows are named in the warnings, not skipped silently (#16.11)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/plain-detention.html`);
  await page.evaluate(() => {
    let doc = document;
    for (let level = 1; level <= 8; level++) {
      const frame = doc.createElement('iframe');
      frame.name = `第${level}层`;
      doc.body.append(frame);
      const inner = frame.contentDocument!;
      inner.open();
      inner.write(`<!doctype html><body><p>第${level}层</p></body>`);
      inner.close();
      doc = inner;
    }
  });
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(result.warnings).toContain('框架嵌套超过6层，更深的框架未读取：第7层');
  // What is within reach is still read.
  expect(result.findings.map((f) => f.ruleId)).toContain('detention-family-notice-24h');
});

test('a page cannot disable the plugin: an element named CaseLint, Object.prototype extended before load (#16.5)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'CaseLint';
    document.body.prepend(div);
    // What old libraries do: an enumerable method on every object.
    (Object.prototype as unknown as Record<string, unknown>).extend = function extend() {};
  });
  expect(await page.evaluate(() => (window as unknown as { CaseLint: unknown }).CaseLint instanceof HTMLElement)).toBe(true);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(result.findings.map((f) => f.ruleId)).toContain('detention-family-notice-24h');
  expect(result.warnings).toContainEqual(expect.stringContaining('Object.prototype 添加了属性（extend）'));
});

test('built-ins replaced by the page after load are named in the warnings, never silence (#16.5)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const before = await page.evaluate(() => window.CaseLint!.scan());
  expect(before.warnings).toEqual([]);
  await page.evaluate(() => {
    String.prototype.trim = function trim() {
      return '';
    };
  });
  const after = await page.evaluate(() => window.CaseLint!.scan());
  expect(after.warnings).toContainEqual(expect.stringContaining('String.prototype.trim'));
});

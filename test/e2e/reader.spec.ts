/** Page reading across DOM styles: what each control on the matrix page must read as (plugin scan, Chromium). */
import type { Browser } from '@playwright/test';
import { launchPlain, PLUGIN_FILE, requireBuild } from '../browser';
import { expect, test } from './fixtures';

let browser: Browser;
test.beforeAll(async () => {
  requireBuild();
  browser = await launchPlain();
});
test.afterAll(async () => browser?.close());

test('reads every label/control pattern of the matrix page', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/reader-matrix.html`);
  await page.waitForFunction(() => (document.getElementById('inner') as HTMLIFrameElement).contentDocument?.getElementById('x'));
  await page.addScriptTag({ path: PLUGIN_FILE });
  const fields = await page.evaluate(() => window.CaseLint!.scan().fields);
  expect(fields).toMatchObject({
    'bail.depositAmount': '3000',
    'detention.startAt': '2024-03-05 14:30',
    'detention.custodyAt': '2024-03-06 10:15',
    'detention.familyNotifiedAt': '2024-03-06 09:05',
    'detention.extension': '延长至30日',
    'detention.extensionApproved': '是',
    'interrogation.femaleStaffPresent': '是',
    'penalty.basis': '《中华人民共和国治安管理处罚法》第四十三条',
    'case.officers': '王伟、张磊',
    'detention.certificateNo': null,
    'detention.extensionReason': '结伙作案',
    'bail.obligationsAcknowledged': '是',
    'interrogation.recorded': '否',
    'penalty.decidedAt': '2024-05-20 10:00',
    'penalty.procedure': '简易程序',
    'penalty.kind': '罚款、警告',
    'penalty.combinedDetention': '是',
    'penalty.hearingNotified': '否',
    'suspect.name': '甲某',
    'suspect.idNumber': '320102198503120012',
    'suspect.gender': '男',
    'detention.arrestRequestedAt': '2024-03-08 16:00',
  });
  // The second suspect row is read as row 1: its ID's gender matches, so no finding.
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(result.findings.filter((f) => f.ruleId === 'id-number-valid')).toEqual([]);
  // 30-day extension approved for 结伙作案: the request on day 3 passes.
  expect(result.passed).toContain('detention-arrest-request-deadline');
});

test('a site profile reads fields whose labels are not recognised', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/plain-detention.html`);
  await page.setContent(`<div><span>字段01</span><input id="a1" value="2024-03-05 14:30"></div><div><span>字段02</span><input id="a2" value="2024-03-07 10:00"></div>`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const plain = await page.evaluate(() => window.CaseLint!.scan());
  expect(plain.findings).toEqual([]);
  const found = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        window.CaseLint!.attach({
          profile: {
            id: 'legacy',
            urlPattern: '.*',
            fields: [
              { key: 'detention.startAt', selector: '#a1' },
              { key: 'detention.custodyAt', selector: '#a2' },
            ],
          },
          onResult: (r) => resolve(r.findings.map((f) => `${f.ruleId} ${f.fieldKey}`)),
        });
      }),
  );
  expect(found).toEqual(['detention-custody-24h detention.custodyAt']);
  await expect(page.locator('[data-caselint-rule="detention-custody-24h"]')).toHaveCount(1);
});

test('labels as another vendor writes them are read; unrelated ones are not (#18.1)', async ({ demo, extContext }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/variant-labels.html`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(Object.keys(result.fields).sort()).toEqual(['case.number', 'detention.arrestRequestedAt', 'detention.custodyAt', 'detention.familyNotifiedAt', 'detention.startAt']);
  // 家属通知时间 26 h 15 min after 刑事拘留时间: the violation, at that field.
  expect(result.findings.map((f) => `${f.ruleId} ${f.fieldKey}`)).toContain('detention-family-notice-24h detention.familyNotifiedAt');
  // The extension warns at that field too.
  const tab = await extContext.newPage();
  await tab.goto(`${demo.url}/fixtures/variant-labels.html`);
  const marker = tab.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute('data-caselint-field', 'detention.familyNotifiedAt');
});

test('one value in several controls is read whole: date + time inputs, 年/月/日 and 时/分 selects, amount + unit (#18.2)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/split-controls.html`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(result.fields['summons.arrivedAt']).toBe('2024-06-03 19:00');
  expect(result.fields['summons.leftAt']).toBe('2024-06-04 08:25');
  expect(result.fields['bail.depositAmount']).toBe('5000'); // 0.5 with 万元 chosen beside it
  expect(result.fields['detention.startAt']).toBe('2024-03-05 14:30'); // two plain inputs side by side are two values
  // 19:00 → 08:25 next day is 13 h 25 min: over the 12 h of a 传唤 — no longer read as two bare dates that pass.
  expect(result.findings.map((f) => f.ruleId)).toContain('crim-summons-12h');
});

test('a generic label is read with the title of its section; under an unrelated section it stays unread (#18.1)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/section-labels.html`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  expect(result.fields).toEqual({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45' });
  expect(result.findings.map((f) => `${f.ruleId} ${f.fieldKey}`)).toContain('detention-family-notice-24h detention.familyNotifiedAt');
});

test('bad input: labels of any length, labels nested in labels, a half-initialised widget, a section naming two measures — never a throw, never a guess (#18)', async ({ demo }) => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/fixtures/bad-input.html`);
  await page.addScriptTag({ path: PLUGIN_FILE });
  const result = await page.evaluate(() => window.CaseLint!.scan());
  // The section names two measures: 执行时间 under 拘留、逮捕执行 could be either, so it is not read.
  expect(result.fields['arrest.executedAt']).toBeUndefined();
  // The nested label names its control; the half-initialised datetimebox is read from what it holds.
  expect(result.fields['detention.familyNotifiedAt']).toBe('2024-03-06 16:45');
  expect(result.fields['detention.startAt']).toBe('2024-03-05 14:30');
  // The 5,000-character label is no label; nothing else was read.
  expect(Object.keys(result.fields).sort()).toEqual(['detention.familyNotifiedAt', 'detention.startAt']);
  expect(result.warnings.filter((w) => /读取失败|检查未完成/.test(w))).toEqual([]);
  expect(result.findings.map((f) => f.ruleId)).toContain('detention-family-notice-24h');
});

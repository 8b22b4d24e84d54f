/** The rule documentation page, reached from a warning: four parts, legal basis, examples with verdicts. */
import { EXTENSION_ID } from '../browser';
import { expect, test } from './fixtures';
import { RULE_COUNT } from './expected';

test('the warning links to the rule page, which shows the four guideline parts and the examples', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  const link = page.locator('[data-caselint-rule="detention-family-notice-24h"] .cl-link');
  const href = await link.getAttribute('href');
  expect(href).toBe(`chrome-extension://${EXTENSION_ID}/rule.html#detention-family-notice-24h`);

  const doc = await extContext.newPage();
  await doc.goto(href!);
  const card = doc.locator('article#detention-family-notice-24h');
  await expect(card.locator('h2')).toHaveText('拘留后二十四小时内通知家属');
  for (const part of ['行为规范', '相关依据', '常见顽疾', '巡查标准']) await expect(card.locator('dt', { hasText: part })).toHaveCount(1);
  await expect(card).toContainText('《中华人民共和国刑事诉讼法》第八十五条第二款');
  await expect(card).toContainText('《公安机关办理刑事案件程序规定》第一百二十七条');
  await expect(card).toContainText('超时通知、无理由不通知');
  // Examples with CaseLint's verdict, computed by the same engine.
  await expect(card.locator('tbody tr')).toHaveCount(4);
  await expect(card.locator('tbody tr', { hasText: '次日下午四点三刻通知' })).toContainText('26小时15分');
  await expect(card.locator('tbody tr', { hasText: '当晚通知' })).toContainText('通过');
  // Only the selected rule is shown; the table of contents lists all of them.
  await expect(doc.locator('article')).toHaveCount(1);
  await expect(doc.locator('nav.toc a')).toHaveCount(RULE_COUNT);
  await doc.locator('nav.toc a', { hasText: '取保候审不得超过十二个月' }).click();
  await expect(doc.locator('article#bail-max-12m')).toBeVisible();
});

test('the rule page shows the corrected rules with their new examples and verdicts', async ({ extContext }) => {
  const doc = await extContext.newPage();
  await doc.goto(`chrome-extension://${EXTENSION_ID}/rule.html#detention-warrant`);
  const warrant = doc.locator('article#detention-warrant');
  // Approval a few hours after an emergency detention: a question for the reviewer, not a violation.
  const emergency = warrant.locator('tbody tr', { hasText: '紧急情况先执行、当日补批' });
  await expect(emergency.locator('td').first()).toHaveText('需核实');
  await expect(emergency).toContainText('审批晚于执行，紧急情况口头传唤到案后须立即补办手续，请核实');
  await expect(warrant.locator('tbody tr', { hasText: '执行两日后才批准' })).toContainText('超过24小时，属先执行后补手续');

  await doc.goto(`chrome-extension://${EXTENSION_ID}/rule.html#seizure-two-officers`);
  const seizure = doc.locator('article#seizure-two-officers');
  await expect(seizure.locator('tbody tr', { hasText: '2026年其他行政案件一人扣押' })).toContainText('查封、扣押不得少于二人');
  await expect(seizure.locator('tbody tr', { hasText: '未记录扣押地点' })).toContainText('未记录扣押地点，请核实');
  await expect(seizure.locator('tbody tr', { hasText: '在执法办案场所一人扣押并全程录像' })).toContainText('通过');

  await doc.goto(`chrome-extension://${EXTENSION_ID}/rule.html#detention-arrest-request-deadline`);
  const request = doc.locator('article#detention-arrest-request-deadline');
  await expect(request.locator('tbody tr', { hasText: '期限内变更为取保候审' })).toContainText('通过');
  await expect(request.locator('tbody tr', { hasText: '期满后才释放且未提请' })).toContainText('超期1日16小时');
});

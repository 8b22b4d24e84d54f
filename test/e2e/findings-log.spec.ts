/** The findings log in a real browser: several tabs, a service worker stopped mid-stream, the reviewer's workflow. */
import { readFileSync } from 'node:fs';
import { expectedFindings, RULE_COUNT } from './expected';
import { expect, test } from './fixtures';
import { openLogPage, readLog, readStore, waitForLog } from './log-helpers';
import { waitForMarkers } from './markers';
import { setStorage, settingsFor } from '../browser';

/** A finding's key: the case, its document (the demo's page), rule, field and row. */
const key = (f: { ruleId: string; fieldKey: string; row?: number | null }, caseId: string, page: string) =>
  `${caseId}|/case/{案号}/${page}|${f.ruleId}|${f.fieldKey}|${f.row ?? ''}`;

test('tabs at once, the worker stopped again and again: every finding is logged exactly once', async ({ freshContext: extContext, demo }) => {
  const log = await openLogPage(extContext);
  const cdp = await extContext.newCDPSession(log);
  await cdp.send('ServiceWorker.enable');
  const pages: [string, string][] = [
    ['XS2024-0302', 'detention'],
    ['XS2024-0302', 'acceptance'],
    ['XS2024-0302', 'bail'],
    ['XZ2024-0415', 'penalty'],
    ['XS2024-0304', 'interrogation'],
    ['XS2024-0304', 'seizure'],
    ['XS2024-0302', 'detention'], // the same page in a second tab
    ['XS2024-0305', 'detention'],
  ];
  const expected = new Set(pages.flatMap(([c, p]) => expectedFindings(c, p).map((f) => key(f, c, p))));
  let stopping = true;
  const stopper = (async () => {
    while (stopping) {
      await cdp.send('ServiceWorker.stopAllWorkers').catch(() => {});
      // Stopped again as soon as it is back.
      await extContext.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => {});
    }
  })();
  const tabs = await Promise.all(
    pages.map(async ([c, p]) => {
      const tab = await extContext.newPage();
      await tab.goto(`${demo.url}/case/${c}/${p}`);
      return tab;
    }),
  );
  await Promise.all(tabs.map((t, i) => waitForMarkers(t, expectedFindings(pages[i]![0], pages[i]![1]).length)));
  // The worker keeps being stopped until every finding has reached the log.
  await expect.poll(async () => (await readLog(log)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(expected.size);
  stopping = false;
  await stopper;
  const rows = await waitForLog(log, expected.size);
  expect(rows.map((r) => r.key).sort()).toEqual([...expected].sort());
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  const family = rows.find((r) => r.ruleId === 'detention-family-notice-24h')!;
  expect(family).toMatchObject({ caseNumber: 'XS2024-0302', unit: '滨江分局城西派出所', officers: ['刘洋', '陈晨'], status: 'open', timesSeen: 2 });
  // Each page checked is recorded once per visit.
  const checks = await readStore<{ visit: string; caseNumber: string }>(log, 'pageChecks');
  expect(checks).toHaveLength(pages.length);
});

test('the reviewer confirms, dismisses (per case only) and reopens; a fixed finding is marked fixed', async ({ freshContext: extContext, demo }) => {
  const detention = await extContext.newPage();
  await detention.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(detention.locator('[data-caselint-rule]')).toHaveCount(4);
  const other = await extContext.newPage();
  await other.goto(`${demo.url}/case/XS2024-0305/detention`);
  await expect(other.locator('[data-caselint-rule="id-number-valid"]')).toHaveCount(2);

  const log = await openLogPage(extContext);
  await waitForLog(log, 6);
  await log.reload();
  await log.locator('input[type=search]').fill('XS2024-0302');
  await expect(log.locator('tbody tr')).toHaveCount(4);

  // Dismiss the ID finding of case 0302 as an accepted exception.
  const idRow = log.locator('tbody tr', { hasText: '公民身份号码应真实准确' });
  await idRow.locator('input[type=checkbox]').check();
  await log.getByLabel('排除原因').selectOption({ label: '依法例外' });
  await log.getByLabel('备注').fill('外籍人员，证件号码按护照登记');
  await log.getByRole('button', { name: '排除', exact: true }).click();
  await expect(log.locator('.banner.ok')).toHaveText('已处理 1 条。');
  await expect(idRow).toHaveAttribute('data-status', 'dismissed');

  // Confirm the family-notice finding with the subjective level.
  const famRow = log.locator('tbody tr', { hasText: '拘留后二十四小时内通知家属' });
  await famRow.locator('input[type=checkbox]').check();
  await log.getByLabel('主观方面').selectOption('疏忽大意');
  await log.getByLabel('备注').fill('已约谈');
  await log.getByRole('button', { name: '确认问题' }).click();
  await expect(famRow).toHaveAttribute('data-status', 'confirmed');
  await expect(famRow).toContainText('疏忽大意');

  // The dismissal holds for that case only.
  await detention.reload();
  await expect(detention.locator('[data-caselint-rule]')).toHaveCount(3);
  await expect(detention.locator('[data-caselint-rule="id-number-valid"]')).toHaveCount(0);
  // The panel counts it as dismissed: its figures still add up to every rule of the pack (#15.2).
  await detention.keyboard.press('Alt+Shift+A');
  const panel = detention.locator('section.ap');
  await expect(panel.locator('[data-count="dismissed"]')).toHaveText('1');
  const n = async (k: string) => Number(await panel.locator(`[data-count="${k}"]`).textContent());
  expect((await n('passed')) + (await n('na')) + (await n('dismissed')) + 3).toBe(RULE_COUNT);
  expect(await n('checked')).toBe(45 - (await n('na')));
  await detention.keyboard.press('Escape');
  await other.reload();
  await expect(other.locator('[data-caselint-rule="id-number-valid"]')).toHaveCount(2);

  // Fixing a field marks the finding fixed, with the time; the row stays.
  await detention.locator('#f-detention-custodyAt').fill('2024-03-05 20:00');
  await expect(detention.locator('[data-caselint-rule="detention-custody-24h"]')).toHaveCount(0);
  await expect
    .poll(async () => (await readLog(log)).find((r) => r.ruleId === 'detention-custody-24h' && r.caseNumber === 'XS2024-0302')?.status, { timeout: 10_000 })
    .toBe('fixed');
  expect((await readLog(log)).find((r) => r.ruleId === 'detention-custody-24h')!.fixedAt).toBeGreaterThan(0);

  // Reopen the dismissed one: it is raised again on the next visit.
  await log.reload();
  await log.locator('input[type=search]').fill('XS2024-0302');
  await expect(log.locator('tbody tr')).toHaveCount(4);
  await log.locator('tbody tr', { hasText: '公民身份号码应真实准确' }).locator('input[type=checkbox]').check();
  await log.getByRole('button', { name: '重新打开', exact: true }).click();
  await expect(log.locator('tbody tr', { hasText: '公民身份号码应真实准确' })).toHaveAttribute('data-status', 'open');
  await detention.reload();
  await expect(detention.locator('[data-caselint-rule="id-number-valid"]')).toHaveCount(1);
});

test('export, import without duplicates, a rejected file, filters and sorting', async ({ freshContext: extContext, demo }) => {
  const tab = await extContext.newPage();
  await tab.goto(`${demo.url}/case/XZ2024-0415/penalty`);
  await expect(tab.locator('[data-caselint-rule]')).toHaveCount(8);
  const log = await openLogPage(extContext);
  const before = (await waitForLog(log, 8)).length;
  await log.reload();

  const [download] = await Promise.all([log.waitForEvent('download'), log.getByRole('button', { name: '导出筛选结果（JSON）' }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(file.format).toBe('caselint.findings/v1');
  expect(file.findings).toHaveLength(before);

  const [csv] = await Promise.all([log.waitForEvent('download'), log.getByRole('button', { name: '导出筛选结果（CSV）' }).click()]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  // Chinese column titles, the reader's columns first, ids last (#20.3).
  const [header, first] = csvText.slice(1).split('\r\n').map((l) => l.split(','));
  expect(header!.slice(0, 8)).toEqual(['案件编号', '问题', '字段', '级别', '状态', '办案单位', '办案民警', '首次发现']);
  expect(header!.slice(-4)).toEqual(['编号', '规则编号', '类别编号', '字段编号']);
  expect(header).toEqual(expect.arrayContaining(['类别', '最近发现', '发现次数', '审核人', '审核时间', '主观方面', '备注']));
  expect(first![header!.indexOf('规则编号')]).toMatch(/^[a-z0-9-]+$/);
  expect(first![header!.indexOf('问题')]).toMatch(/[\u4e00-\u9fff]/);

  // Importing one's own export again adds nothing.
  await log.locator('input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(log.locator('.banner.ok')).toHaveText(`“mine.json”导入完成：新增 0 条，更新 0 条，未变 ${before} 条。`);
  // Another reviewer's newer confirmation is taken.
  const theirs = structuredClone(file);
  Object.assign(theirs.findings[0], { status: 'confirmed', subjectiveLevel: '主观故意', reviewer: '王审核', updatedAt: Date.now() + 60_000 });
  // A violation (never the page's one 提醒: the filter below counts it), from another unit's case.
  const other = theirs.findings.find((f: { severity: string }, i: number) => i > 0 && f.severity === 'error');
  theirs.findings.push({ ...other, id: 'from-another-unit', key: `XZ2024-0999|${other.ruleId}|${other.fieldKey}|`, caseKey: 'XZ2024-0999', caseNumber: 'XZ2024-0999' });
  await log.locator('input[type=file]').setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  await expect(log.locator('.banner.ok')).toHaveText(`“theirs.json”导入完成：新增 1 条，更新 1 条，未变 ${before - 1} 条。`);
  expect((await readLog(log)).length).toBe(before + 1);
  // A broken file is refused with the path of the problem, and nothing changes.
  await log.locator('input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'caselint.findings/v1', exportedAt: 1, findings: [{ id: 1 }] })) });
  await expect(log.locator('.banner.error')).toContainText('“bad.json”格式不正确，未导入任何数据');
  await expect(log.locator('.banner.error li').first()).toContainText('findings[0]');
  await log.locator('input[type=file]').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await expect(log.locator('.banner.error')).toContainText('不是有效的 JSON 文件');
  expect((await readLog(log)).length).toBe(before + 1);

  // Filters and sort.
  await log.locator('label', { hasText: '级别' }).locator('select').selectOption('warning');
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log.locator('tbody tr')).toContainText('处罚决定书写明依据条款');
  await log.getByRole('button', { name: '重置' }).click();
  await log.getByRole('button', { name: /^案件编号/ }).click();
  await expect(log.locator('th[aria-sort="descending"]')).toContainText('案件编号');
});

test('a storage failure is shown on the page and in the log, never swallowed', async ({ freshContext: extContext, demo }) => {
  const log = await openLogPage(extContext);
  const sw = extContext.serviceWorkers()[0] ?? (await extContext.waitForEvent('serviceworker'));
  await sw.evaluate(() => {
    const fail = () => {
      throw new DOMException('磁盘已满', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = fail;
    IDBObjectStore.prototype.put = fail;
  });
  const tab = await extContext.newPage();
  await tab.goto(`${demo.url}/case/XS2024-0304/arrest`);
  await expect(tab.locator('[data-caselint-notice]')).toContainText('存储空间不足');
  await log.reload();
  await expect(log.locator('.banner.error')).toContainText('存储空间不足');
});

test('the last change is logged when the tab closes right after it (#16.3)', async ({ freshContext: extContext, demo }) => {
  const log = await openLogPage(extContext);
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await waitForMarkers(page, 4);
  await expect.poll(async () => (await readLog(log)).find((r) => r.ruleId === 'detention-family-notice-24h')?.status).toBe('open');
  // Fix the field and close the tab at once, well within the report's pause.
  await page.locator('#f-detention-familyNotifiedAt').fill('2024-03-05 20:15');
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await readLog(log)).find((r) => r.ruleId === 'detention-family-notice-24h')?.status, { timeout: 10_000 })
    .toBe('fixed');
});

test('a failed review or import says so in Chinese and offers to retry; nothing fails silently (#16.10)', async ({ freshContext: extContext, demo }) => {
  const tab = await extContext.newPage();
  await tab.goto(`${demo.url}/case/XS2024-0302/detention`);
  await waitForMarkers(tab, 4);
  const log = await openLogPage(extContext);
  await waitForLog(log, 4);
  await log.reload();

  // The worker stops mid-request: the review gets no answer once (the page's other requests are not the ones tested).
  await log.evaluate(() => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...a: unknown[]) => unknown } } }).chrome.runtime;
    const real = runtime.sendMessage.bind(runtime);
    let failures = 1;
    runtime.sendMessage = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type === 'ui-bg:review' && failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return real(...args);
    };
  });
  const famRow = log.locator('tbody tr', { hasText: '拘留后二十四小时内通知家属' });
  await famRow.locator('input[type=checkbox]').check();
  await log.getByLabel('主观方面').selectOption('疏忽大意');
  await log.getByRole('button', { name: '确认问题' }).click();
  const failed = log.locator('.banner.error');
  await expect(failed).toContainText('操作未完成：后台服务未响应（可能正在重启）。所选 1 条均未改变。');
  await expect(famRow.locator('input[type=checkbox]')).toBeChecked();
  await expect(famRow).toHaveAttribute('data-status', 'open');
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(log.locator('.banner.ok')).toHaveText('已处理 1 条。');
  await expect(famRow).toHaveAttribute('data-status', 'confirmed');

  // JSON nested 10,000 deep cannot be handed to the worker: said, not swallowed.
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  await log.locator('input[type=file]').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(`{"format":"caselint.findings/v1","exportedAt":1,"findings":${deep}}`) });
  await expect(log.locator('.banner.error')).toContainText('“deep.json”导入未完成：数据过大或嵌套过深，无法交给后台处理。未导入任何数据。');
  await expect(log.locator('.banner.error').getByRole('button', { name: '重试' })).toHaveCount(1);
});

test('a finding belongs to its document: the bail form of the same case never marks the detention form fixed (#15.1)', async ({ freshContext: ctx, demo }) => {
  const detention = await ctx.newPage();
  await detention.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(detention.locator('[data-caselint-rule="id-number-valid"]')).toHaveCount(1);
  const log = await openLogPage(ctx);
  const idRow = async () => (await readLog(log)).filter((r) => r.ruleId === 'id-number-valid' && r.caseNumber === 'XS2024-0302');
  await expect.poll(async () => (await idRow()).map((r) => r.status)).toEqual(['open']);
  // The bail form of the same case shows a valid ID number: the rule passes there.
  const bail = await ctx.newPage();
  await bail.goto(`${demo.url}/case/XS2024-0302/bail`);
  await waitForMarkers(bail, 1);
  await expect.poll(async () => (await readStore<{ url: string }>(log, 'pageChecks')).some((p) => p.url.endsWith('/bail'))).toBe(true);
  expect((await idRow()).map((r) => r.status)).toEqual(['open']);
  // Corrected on the detention form itself: now it is fixed.
  await detention.locator('#f-suspect-idNumber').fill('320102198503120012');
  await expect(detention.locator('[data-caselint-rule="id-number-valid"]')).toHaveCount(0);
  await expect.poll(async () => (await idRow()).map((r) => r.status), { timeout: 10_000 }).toEqual(['fixed']);
});

test('each review records only its own inputs, with the reviewer and time, and the row shows its history (#15.2)', async ({ freshContext: ctx, demo }) => {
  await setStorage(ctx, { settings: { ...settingsFor('reviewer'), reviewerName: '李审核', reviewerUnit: '法制大队' } });
  const page = await ctx.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await waitForMarkers(page, 4);
  const log = await openLogPage(ctx);
  await waitForLog(log, 4);
  await log.reload();
  const famRow = log.locator('tbody tr', { hasText: '拘留后二十四小时内通知家属' });
  const custodyRow = log.locator('tbody tr', { hasText: '二十四小时内送看守所' });
  // Confirm one with a level and a note.
  await famRow.locator('input[type=checkbox]').check();
  await log.getByLabel('主观方面').selectOption('疏忽大意');
  await log.getByLabel('备注').fill('已约谈');
  await log.getByRole('button', { name: '确认问题' }).click();
  await expect(famRow).toHaveAttribute('data-status', 'confirmed');
  // The inputs are cleared; 排除 asks for its reason (there is no default).
  await expect(log.getByLabel('备注')).toHaveValue('');
  await expect(log.getByLabel('排除原因')).toHaveValue('');
  await custodyRow.locator('input[type=checkbox]').check();
  await log.getByRole('button', { name: '排除', exact: true }).click();
  await expect(log.locator('.banner.error')).toHaveText('请先选择排除原因。');
  await log.getByLabel('排除原因').selectOption({ label: '误报' });
  await log.getByRole('button', { name: '排除', exact: true }).click();
  await expect(custodyRow).toHaveAttribute('data-status', 'dismissed');
  // Reopen the confirmed one from its own row.
  await famRow.getByRole('button', { name: /^重新打开 / }).click();
  await expect(famRow).toHaveAttribute('data-status', 'open');
  const rows = await readLog(log);
  const custody = rows.find((r) => r.ruleId === 'detention-custody-24h') as unknown as { note: string | null; dismissReason: string };
  expect(custody).toMatchObject({ note: null, dismissReason: 'false-positive' });
  const fam = rows.find((r) => r.ruleId === 'detention-family-notice-24h') as unknown as { note: string | null; subjectiveLevel: string | null };
  expect(fam).toMatchObject({ note: null, subjectiveLevel: null });
  // The history, in the row.
  await famRow.locator('details.history summary').click();
  const events = famRow.locator('details.history li');
  await expect(events).toHaveCount(3);
  await expect(events.nth(0)).toContainText('首次发现');
  await expect(events.nth(1)).toContainText('确认 · 李审核（法制大队） · 疏忽大意 · 备注：已约谈');
  await expect(events.nth(2)).toContainText('重新打开 · 李审核（法制大队）');
  await expect(events.nth(2)).not.toContainText('已约谈');
});

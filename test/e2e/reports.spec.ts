/**
 * Reports in a real browser: the weekly report from demo-site findings, exported to XLSX and read
 * back; the monthly bulletin printed to PDF; the popup's one-click weekly summary; merging another
 * reviewer's export without double counting. (Pagination and sheets over a branch's log: report-print.spec.ts.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_ID } from '../browser';
import { expectedFindings } from './expected';
import { expect, test } from './fixtures';
import { openLogPage, readLog, waitForLog } from './log-helpers';
import { waitForMarkers } from './markers';

const PAGES: [string, string][] = [
  ['XS2024-0302', 'detention'],
  ['XS2024-0302', 'bail'],
  ['XS2024-0301', 'detention'],
  ['XZ2024-0415', 'penalty'],
  ['XZ2024-0410', 'penalty'],
];
const FINDINGS = PAGES.reduce((n, [c, p]) => n + expectedFindings(c, p).length, 0); // 4 + 3 + 0 + 8 + 0

let day = '';

async function visitDemo(ctx: BrowserContext, url: string) {
  const log = await openLogPage(ctx);
  let logged = 0;
  for (const [c, p] of PAGES) {
    const tab = await ctx.newPage();
    await tab.goto(`${url}/case/${c}/${p}`);
    await waitForMarkers(tab, expectedFindings(c, p).length);
    // Closed once the log holds this page's findings (not after a pause).
    logged += expectedFindings(c, p).length;
    await expect.poll(async () => (await readLog(log)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(logged);
    await tab.close();
  }
  const rows = await waitForLog(log, FINDINGS);
  // The Beijing day the findings were logged: reports are opened for it, not for "now", so a run
  // that crosses Monday 00:00 Beijing time still sees its findings in one week.
  const first = Math.min(...rows.map((r) => r.firstSeen));
  day = new Date(first + 8 * 3600_000).toISOString().slice(0, 10);
  // The reviewer's unit heads every report.
  await log.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      settings: { reviewerName: '李审核', reviewerUnit: '滨江分局法制大队', retentionDays: null, reminders: false },
    }),
  );
  return log;
}

async function readXlsx(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, first: string): ExcelJS.CellValue[] {
  let found: ExcelJS.CellValue[] = [];
  ws.eachRow((row) => {
    if (row.getCell(1).value === first) found = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return found;
}

test('weekly report from demo findings: figures, charts with tables, XLSX export read back', async ({ freshContext: ctx, demo }) => {
  await visitDemo(ctx, demo.url);
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#weekly?date=${day}`);
  const overview = page.locator('[data-section="概况"]');
  await expect(overview.locator('tr', { hasText: '新发现问题' }).locator('td').nth(1)).toHaveText(String(FINDINGS));
  await expect(overview.locator('tr', { hasText: '检查案件数' }).locator('td').nth(1)).toHaveText('4');
  await expect(page.locator('.report-head')).toContainText('滨江分局法制大队');
  // Each unit with its rate; the total row.
  const units = page.locator('[data-section="各单位"] tbody tr');
  await expect(units).toHaveCount(5);
  await expect(units.filter({ hasText: '滨江分局城北派出所' }).locator('td')).toHaveText(['滨江分局城北派出所', '1', '1', '8', '8.00', '100.0%']);
  await expect(units.filter({ hasText: '合计' }).locator('td')).toHaveText(['合计', '4', '2', String(FINDINGS), (FINDINGS / 4).toFixed(2), '50.0%']);
  // Charts where people would rather look, each with its table.
  await expect(page.locator('[data-section="问题类型"] canvas')).toHaveCount(1);
  await expect(page.locator('[data-section="问题类型"] table')).toHaveCount(1);
  expect(Number(await page.evaluate(() => document.body.dataset.renderMs))).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  const wb = await readXlsx((await download.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '问题类型', '各单位']);
  const ws = wb.getWorksheet('概况')!;
  expect(rowOf(ws, '项目')).toEqual(['项目', '本周', '上周', '增减']);
  expect(rowOf(ws, '新发现问题')).toEqual(['新发现问题', FINDINGS, 0, FINDINGS]);
  expect(typeof rowOf(ws, '检查案件数')[1]).toBe('number');
  const unitsWs = wb.getWorksheet('各单位')!;
  expect(rowOf(unitsWs, '合计')).toEqual(['合计', 4, 2, FINDINGS, FINDINGS / 4, 0.5]);
  let totalRow = 0;
  unitsWs.eachRow((r, n) => {
    if (r.getCell(1).value === '合计') totalRow = n;
  });
  expect(unitsWs.getRow(totalRow).getCell(6).numFmt).toBe('0.0%');
  expect(unitsWs.getColumn(1).width).toBeGreaterThanOrEqual(22);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(`新发现问题,${FINDINGS},0,${FINDINGS}`);
});

test('monthly bulletin prints to A4 PDF with its sections flowing (no page for a short section alone)', async ({ freshContext: ctx, demo }) => {
  await visitDemo(ctx, demo.url);
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#monthly?date=${day}`);
  await expect(page.locator('[data-section="单位排名"] tbody tr').first()).toContainText('滨江分局城北派出所');
  await page.emulateMedia({ media: 'print' });
  const pdf = join(tmpdir(), `bulletin-${Date.now()}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  } catch {
    throw new Error('需要 pdftotext 读取打印出的 PDF：apt-get install -y poppler-utils / pdftotext is needed to read the printed PDF: install poppler-utils');
  }
  expect(text).toContain('执法质量月通报');
  expect(text).toContain('各单位问题排名（按每案问题数）');
  expect(text).toContain('典型问题及案例');
  expect(text).toContain('滨江分局法制大队');
  expect(text).not.toContain('导出 Excel');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
  // Five short sections: before #20 each took a page of its own (five pages, mostly empty).
  expect(pages).toBeLessThanOrEqual(3);
});

test('the popup exports this week’s summary in one click', async ({ freshContext: ctx, demo }) => {
  await visitDemo(ctx, demo.url);
  const popup = await ctx.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '导出本周汇总' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^滨江分局法制大队-执法问题周结-\d{4}年第\d+周\.xlsx$/);
  const wb = await readXlsx((await download.path())!);
  expect(rowOf(wb.getWorksheet('概况')!, '新发现问题')[1]).toBe(FINDINGS);
});

test('merging another reviewer’s export gives one report across units without double counting', async ({ freshContext: ctx, demo }) => {
  const log = await visitDemo(ctx, demo.url);
  await log.reload();
  const [download] = await Promise.all([log.waitForEvent('download'), log.getByRole('button', { name: '导出筛选结果（JSON）' }).click()]);
  const mine = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  // Another unit's reviewer: same format, other cases; plus one finding we both saw.
  const now = Date.now();
  const theirs = {
    ...mine,
    exporter: { name: '王审核', unit: '开发区分局法制大队' },
    findings: [
      ...mine.findings.slice(0, 1),
      ...[1, 2, 3].map((i) => ({ ...mine.findings[0], id: `other-${i}`, key: `KF2024-000${i}|adm-two-officers|case.officers|`, caseKey: `KF2024-000${i}`, caseNumber: `KF2024-000${i}`, unit: '开发区派出所', officers: ['刘洋'], ruleId: 'adm-two-officers', firstSeen: now, lastSeen: now, updatedAt: now })),
    ],
    pageChecks: [1, 2, 3, 4].map((i) => ({ visit: `other-visit-${i}`, caseKey: `KF2024-000${i}`, caseNumber: `KF2024-000${i}`, caseKind: '行政', unit: '开发区派出所', officers: [], url: 'http://10.9.9.9/x', at: now, findingsCount: i < 4 ? 1 : 0 })),
  };
  for (let i = 0; i < 2; i++) {
    await log.locator('input[type=file]').setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
    await expect(log.locator('.banner.ok')).toContainText('导入完成');
  }
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#weekly?date=${day}`);
  const units = page.locator('[data-section="各单位"] tbody tr');
  await expect(units.filter({ hasText: '开发区派出所' }).locator('td')).toHaveText(['开发区派出所', '4', '3', '3', '0.75', '75.0%']);
  await expect(units.filter({ hasText: '合计' }).locator('td').nth(3)).toHaveText(String(FINDINGS + 3));
  // Their 刘洋 of 开发区派出所 is not our 刘洋 of 滨江分局城西派出所: two people in the 民警执法档案 (#15.6).
  await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#officer?date=${day}`);
  const officer = page.locator('.controls label', { hasText: '民警' }).locator('select');
  await expect(officer.locator('option', { hasText: /^刘洋/ })).toHaveText(['刘洋（开发区派出所）', '刘洋（滨江分局城西派出所）']);
  await officer.selectOption('刘洋（开发区派出所）');
  await expect(page.locator('h1, h2').filter({ hasText: '民警执法档案：刘洋（开发区派出所）' }).first()).toBeVisible();
});

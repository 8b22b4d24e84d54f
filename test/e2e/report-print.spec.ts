/**
 * Reports a chief forwards as they are (#20.1, #20.2), in Chromium with the extension, over a
 * branch's six months of findings: each report printed to A4 PDF — sections flow (a break only
 * before a section that would not fit), a running header and page numbers on every page, charts
 * redrawn at print size inside their box, the daily list landscape with values unbroken — and the
 * exported sheets rendered by LibreOffice as Excel and WPS users will see them (PDF, then PNG in the
 * test's output folder for a person to look at).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID } from '../browser';
import { expect, test } from './fixtures';
import { openLogPage } from './log-helpers';
import { contentReach, pageText, pagePictures, pdfPages } from './pdf';

const DAY = '2026-11-18';
const UNIT = '滨江分局法制大队';

/** The branch's log file, made by tsx (the pack's JSON is not importable from Playwright's loader). */
function branchLogFile(day: string): Buffer {
  return execFileSync(join('node_modules', '.bin', 'tsx'), [join('test', 'e2e', 'branch-log.ts'), day], { maxBuffer: 64 * 1024 * 1024 });
}

async function withBranchLog(ctx: BrowserContext): Promise<Page> {
  const log = await openLogPage(ctx);
  await log.evaluate((unit) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
    settings: { reviewerName: '李审核', reviewerUnit: unit, retentionDays: null, reminders: false },
  }), UNIT);
  await log.locator('input[type=file]').setInputFiles({ name: 'branch.json', mimeType: 'application/json', buffer: branchLogFile(DAY) });
  await expect(log.locator('.banner.ok')).toContainText('导入完成', { timeout: 60_000 });
  return log;
}

/** Prints the open report as the browser's print button does: `beforeprint`, print media, PDF. */
async function printToPdf(page: Page, path: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
}

const REPORTS = [
  { kind: 'daily', title: '执法问题日清', maxPages: 12, landscape: true },
  { kind: 'weekly', title: '执法问题周结', maxPages: 2, landscape: false },
  { kind: 'monthly', title: '执法质量月通报', maxPages: 5, landscape: false },
  { kind: 'officer', title: '民警执法档案', maxPages: 3, landscape: false },
  { kind: 'whitepaper', title: '执法现状白皮书', maxPages: 5, landscape: false },
] as const;

test('every report prints to A4: sections flow, header and page numbers on each page, charts at print size', async ({ freshContext: ctx }, info) => {
  test.setTimeout(180_000);
  await withBranchLog(ctx);
  const page = await ctx.newPage();
  const dir = mkdtempSync(join(tmpdir(), 'caselint-print-'));
  for (const r of REPORTS) {
    await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#${r.kind}?date=${DAY}`);
    await expect(page.locator('.report-head h1')).toContainText(r.title);
    await expect(page.locator('.report-section tbody tr').first()).toBeVisible();
    const sectionTitles = await page.locator('.report-section h2').allInnerTexts();

    // Charts: drawn again at print size, inside their box (the legend never over the table).
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const charts = await page.locator('.chart').evaluateAll((els) =>
      els.map((el) => ({ box: el.getBoundingClientRect().toJSON() as DOMRect, canvas: el.querySelector('canvas')!.getBoundingClientRect().toJSON() as DOMRect })),
    );
    for (const c of charts) {
      expect(c.canvas.height, `${r.kind}: chart inside its box`).toBeLessThanOrEqual(c.box.height + 1);
      expect(Math.round(c.canvas.width), `${r.kind}: chart at print width`).toBe(Math.round((170 * 96) / 25.4));
    }
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });

    const pdf = join(dir, `${r.kind}.pdf`);
    await printToPdf(page, pdf);
    const { count, widthPt, heightPt } = pdfPages(pdf);
    pagePictures(pdf, info.outputPath(`print-${r.kind}`));
    console.log(`${r.title}: ${count} pages`);
    expect(count, `${r.title} pages`).toBeLessThanOrEqual(r.maxPages);
    expect(widthPt > heightPt, `${r.title} landscape`).toBe(r.landscape);

    const reach = contentReach(pdf, dir, { topMm: 16, bottomMm: 14 });
    for (let p = 1; p <= count; p++) {
      const text = pageText(pdf, p);
      expect(text, `${r.title} p.${p}: running header`).toContain(`${r.title}`);
      expect(text, `${r.title} p.${p}: running header`).toContain(UNIT);
      expect(text.replace(/\s+/g, ''), `${r.title} p.${p}: page number`).toContain(`第${p}页，共${count}页`);
      if (p === count) continue;
      // A page more than two-thirds empty is only one that ends a section (the next would not fit).
      const next = pageText(pdf, p + 1).split('\n').map((l) => l.trim()).filter((l) => l && !l.includes(r.title) && !l.startsWith(UNIT));
      const endsSection = sectionTitles.some((t) => next[0]?.replace(/\s+/g, '').startsWith(t.replace(/\s+/g, '')));
      if (!endsSection) expect(reach[p - 1], `${r.title} p.${p} is more than two-thirds empty`).toBeGreaterThan(1 / 3);
    }
    // Values are never broken in the middle: every case number on the page is whole in the PDF text.
    const cases = await page.locator('.report-section td.value').allInnerTexts();
    const all = Array.from({ length: count }, (_, i) => pageText(pdf, i + 1)).join('\n');
    for (const v of cases.filter((t) => /^(XS|XZ)2026-\d{5}$/.test(t)).slice(0, 20)) expect(all).toContain(v);
  }
  // The white paper reads as a document: numbered sections, the trend numbered too.
  await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#whitepaper?date=${DAY}`);
  await expect(page.locator('.report-section h2')).toHaveText([/^一、/, /^二、/, /^三、/, /^四、/, /^五、/, /^六、逐月趋势/]);
});

function soffice(file: string, outDir: string): string {
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${join(outDir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('需要 LibreOffice 渲染导出的表格 / soffice is needed: apt-get install -y --no-install-recommends libreoffice-calc');
    throw e;
  }
  const pdf = readdirSync(outDir).find((f) => f.endsWith('.pdf') && file.endsWith(f.replace(/\.pdf$/, '.xlsx').split('/').pop()!));
  return join(outDir, pdf!);
}

test('exported sheets render in LibreOffice as Excel and WPS users will see them', async ({ freshContext: ctx }, info) => {
  test.setTimeout(240_000);
  const log = await withBranchLog(ctx);
  const page = await ctx.newPage();
  const dir = mkdtempSync(join(tmpdir(), 'caselint-sheets-'));
  const sheets: { name: string; path: string; landscape: boolean; expect: string[] }[] = [];
  for (const [kind, landscape, words] of [
    ['weekly', false, ['执法问题周结', '本周概况（与上周比较）', '各单位检查与问题情况']],
    ['daily', true, ['执法问题日清', '待处理问题', '问题说明']],
  ] as const) {
    await page.goto(`chrome-extension://${EXTENSION_ID}/report.html#${kind}?date=${DAY}`);
    await expect(page.locator('.report-section tbody tr').first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${UNIT}-${kind === 'weekly' ? '执法问题周结-2026年第47周' : '执法问题日清-2026-11-18'}\\.xlsx$`));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    sheets.push({ name: kind, path, landscape, expect: [...words] });
  }
  await log.reload();
  const [download] = await Promise.all([log.waitForEvent('download'), log.getByRole('button', { name: '导出筛选结果（Excel，含审核记录）' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${UNIT}-执法问题台账-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const logPath = join(dir, download.suggestedFilename());
  await download.saveAs(logPath);
  sheets.push({ name: 'log', path: logPath, landscape: true, expect: ['执法问题台账', '案件编号', '审核记录', '已责令办案民警补正'] });

  for (const s of sheets) {
    const pdf = soffice(s.path, dir);
    const { count, widthPt, heightPt } = pdfPages(pdf);
    pagePictures(pdf, info.outputPath(`sheet-${s.name}`));
    console.log(`${s.name}.xlsx in LibreOffice: ${count} pages`);
    const text = Array.from({ length: count }, (_, i) => pageText(pdf, i + 1)).join('\n');
    for (const w of s.expect) expect(text, `${s.name}: ${w}`).toContain(w);
    // Printed as set up: A4, landscape where wide, page numbers in the footer of every page.
    expect(Math.round(Math.min(widthPt, heightPt))).toBe(595);
    expect(widthPt > heightPt, `${s.name} landscape`).toBe(s.landscape);
    for (let p = 1; p <= Math.min(count, 3); p++) expect(pageText(pdf, p).replace(/\s+/g, '')).toContain(`第${p}页，共`);
    // The log prints what a reviewer works through; its ids and addresses stay in the sheet.
    if (s.name === 'log') {
      expect(text).not.toMatch(/branch-\d+/);
      expect(text).not.toContain('http://10.1.2.3');
    }
  }
});

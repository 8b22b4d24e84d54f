/**
 * Exports a chief forwards as they are (#20): XLSX read back with exceljs (title row, frozen header,
 * borders, wrapping, number formats, print set-up, Chinese titles with ids last), the log's CSV and
 * XLSX columns and history sheet, one file-name scheme, citations naming each law once, and no
 * "（第1行）" where a page had one row.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { event, type FindingRow } from '../../lib/db/rows';
import { exportFileName, shortPeriod } from '../../lib/exports/file-name';
import { findingsCsv, findingsDoc } from '../../lib/exports/findings';
import { docHeading, printsLandscape } from '../../lib/exports/table';
import { docXlsx } from '../../lib/exports/xlsx';
import { dailyReport, monthlyBulletin, weeklyReport } from '../../lib/reports/aggregate';
import { monthPeriod, weekPeriod } from '../../lib/reports/period';
import { dailyDoc, monthlyDoc, weeklyDoc } from '../../lib/reports/sheets';
import { chartConfig } from '../../components/ReportChart';
import { citeAll, compilePack, evaluate } from '../../rules/engine';
import { rowLabel } from '../../rules/format';
import { defaultPack } from '../../rules/packs/default';
import { beijing } from './check-tester';

const pack = defaultPack();

function row(id: string, o: Partial<FindingRow> = {}): FindingRow {
  const t = beijing('2024-03-05 10:00');
  return {
    id, key: id, caseNumber: 'XS2024-0302', caseKey: 'XS2024-0302', document: '/case/{案号}/detention', caseKind: '刑事', unit: '滨江分局城西派出所', officers: ['刘洋', '陈晨'],
    ruleId: 'detention-family-notice-24h', category: 'detention', severity: 'error', kind: 'violation', fieldKey: 'detention.familyNotifiedAt', row: null, rows: null,
    message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时（应于 2024-03-06 14:30 前通知）', basis: '《中华人民共和国刑事诉讼法》第八十五条第二款',
    pageUrl: 'http://10.1.2.3/case/XS2024-0302/detention', firstSeen: t, lastSeen: t + 3_600_000, timesSeen: 3, lastVisit: 'v', status: 'open', fixedAt: null,
    reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null, updatedAt: t, reviewedAt: null, history: [event({ event: 'first-seen', at: t })], ...o,
  };
}

async function readBack(buf: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb;
}

const texts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
};

describe('report XLSX (#20.1)', () => {
  const week = weekPeriod(beijing('2024-03-06 10:00'));
  const findings = [row('a'), row('b', { ruleId: 'adm-two-officers', category: 'penalty', caseNumber: 'XZ2024-0415', caseKey: 'XZ2024-0415', unit: '滨江分局城北派出所' })];
  const checks = [
    { visit: '1', caseKey: 'XS2024-0302', caseNumber: 'XS2024-0302', caseKind: '刑事', unit: '滨江分局城西派出所', officers: [], url: 'u', at: beijing('2024-03-05 10:00'), findingsCount: 1 },
    { visit: '2', caseKey: 'XZ2024-0415', caseNumber: 'XZ2024-0415', caseKind: '行政', unit: '滨江分局城北派出所', officers: [], url: 'u', at: beijing('2024-03-05 11:00'), findingsCount: 1 },
  ];
  const doc = weeklyDoc(weeklyReport({ findings, checks }, week), pack, '滨江分局法制大队');

  it('each sheet: merged title row without nested brackets, section title, frozen and repeated header, borders, formats, A4 fitted to width, page numbers', async () => {
    const wb = await readBack(await docXlsx(doc));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '问题类型', '各单位']);
    for (const ws of wb.worksheets) {
      const title = String(ws.getCell('A1').value);
      expect(title).toBe('滨江分局法制大队 执法问题周结 2024年第10周（2024年3月4日—3月10日）');
      expect(title).not.toMatch(/（[^）]*（/);
      expect(ws.getCell('A1').isMerged).toBe(true);
      expect(ws.getCell('A1').font?.bold).toBe(true);
      const view = ws.views[0]!;
      expect(view.state).toBe('frozen');
      const headerRow = (view as { ySplit: number }).ySplit;
      expect(ws.getRow(headerRow).getCell(1).font?.bold).toBe(true);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
      expect(ws.headerFooter.oddFooter).toContain('&P');
      expect(ws.headerFooter.oddFooter).toContain('&N');
      expect(ws.headerFooter.oddHeader).toContain('滨江分局法制大队');
      const firstData = ws.getRow(headerRow + 1).getCell(1);
      expect(firstData.border?.left?.style).toBe('thin');
      expect(firstData.border?.bottom?.style).toBe('thin');
    }
    const units = wb.getWorksheet('各单位')!;
    let total: ExcelJS.Row | undefined;
    units.eachRow((r) => {
      if (r.getCell(1).value === '合计') total = r;
    });
    expect(total!.getCell(2).value).toBe(2);
    expect(total!.getCell(2).numFmt).toBe('#,##0');
    expect(total!.getCell(6).value).toBe(1);
    expect(total!.getCell(6).numFmt).toBe('0.0%');
    expect(total!.getCell(5).numFmt).toBe('0.00');
    expect(total!.getCell(1).font?.bold).toBe(true);
  });

  it('Chinese rule titles; the rule id only in the last column 规则编号', async () => {
    const wb = await readBack(await docXlsx(doc));
    const ws = wb.getWorksheet('问题类型')!;
    const headerRow = (ws.views[0] as { ySplit: number }).ySplit;
    const header = (ws.getRow(headerRow).values as unknown[]).slice(1);
    expect(header[header.length - 1]).toBe('规则编号');
    expect(header[0]).toBe('问题');
    const first = ws.getRow(headerRow + 1);
    expect(first.getCell(1).value).toBe(pack.rules.find((r) => r.id === first.getCell(header.length).value)!.title['zh-CN']);
    expect(first.getCell(1).alignment?.wrapText).toBe(true);
    const ids = new Set(pack.rules.map((r) => r.id));
    ws.eachRow((r, n) => {
      if (n <= headerRow) return;
      r.eachCell((c, col) => {
        if (typeof c.value === 'string' && ids.has(c.value)) expect(col).toBe(header.length);
      });
    });
  });

  it('long prose wraps in a row tall enough to show it; a wide table prints landscape', async () => {
    const daily = dailyDoc(dailyReport({ findings: [row('x', { message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时（应于 2024-03-06 14:30 前通知）'.repeat(3) })], checks: [] }), pack, null, '2024-03-05');
    expect(printsLandscape(daily)).toBe(true);
    expect(printsLandscape(doc)).toBe(false);
    const ws = (await readBack(await docXlsx(daily))).worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    const headerRow = (ws.views[0] as { ySplit: number }).ySplit;
    const data = ws.getRow(headerRow + 1);
    expect(data.height).toBeGreaterThanOrEqual(45);
    const header = (ws.getRow(headerRow).values as unknown[]).slice(1);
    expect(header).toEqual(['办案单位', '办案民警', '案件编号', '问题', '级别', '状态', '首次发现', '问题说明']);
    // 日清 says what the log says: the level word and the status 待处理.
    expect(data.getCell(5).value).toBe('违规');
    expect(data.getCell(6).value).toBe('待处理');
    // A value column is as wide as its longest value: a unit name is never broken.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(20);
  });

  it('the title line has no bracket inside another', () => {
    expect(docHeading({ title: '执法问题周结', period: '2026年第49周（2026年11月30日—12月6日）', unit: null })).toBe('执法问题周结 2026年第49周（2026年11月30日—12月6日）');
  });
});

describe('findings log CSV and XLSX (#20.3)', () => {
  const reviewed = row('r1', {
    status: 'confirmed', reviewer: '李审核', reviewerUnit: '滨江分局法制大队', subjectiveLevel: '疏忽大意', note: '已责令补正', reviewedAt: beijing('2024-03-06 09:30'),
    history: [event({ event: 'first-seen', at: beijing('2024-03-05 10:00') }), event({ event: 'confirmed', at: beijing('2024-03-06 09:30'), reviewer: '李审核', reviewerUnit: '滨江分局法制大队', subjectiveLevel: '疏忽大意', note: '已责令补正' })],
  });
  const rows = [reviewed, row('r2', { ruleId: 'interrogation-av-recording', category: 'interrogation', fieldKey: 'interrogation.recordingRef', row: 0, rows: 1, severity: 'warning', kind: 'needs-review' })];

  it('CSV: Chinese titles first, Chinese rule, category and field, times seen, review time; ids trailing', () => {
    const csv = findingsCsv(rows, pack);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, first, second] = csv.slice(1).split('\r\n').map((l) => l.split(','));
    const at = (h: string) => header!.indexOf(h);
    expect(header!.slice(0, 12)).toEqual(['案件编号', '问题', '字段', '级别', '状态', '办案单位', '办案民警', '首次发现', '问题说明', '审核人', '主观方面', '备注']);
    expect(header).toEqual(expect.arrayContaining(['类别', '最近发现', '发现次数', '审核时间', '排除原因', '文书（页面）', '页面地址']));
    expect(header!.slice(-4)).toEqual(['编号', '规则编号', '类别编号', '字段编号']);
    expect(first![at('案件编号')]).toBe('XS2024-0302');
    expect(first![at('问题')]).toBe(pack.rules.find((r) => r.id === 'detention-family-notice-24h')!.title['zh-CN']);
    expect(first![at('类别')]).toBe(pack.categories.detention!['zh-CN']);
    expect(first![at('字段')]).toBe('通知家属时间');
    expect(first![at('发现次数')]).toBe('3');
    expect(first![at('状态')]).toBe('已确认');
    expect(first![at('审核人')]).toBe('李审核');
    expect(first![at('审核时间')]).toBe('2024-03-06 09:30');
    expect(first![at('主观方面')]).toBe('疏忽大意');
    expect(first!.slice(-4)).toEqual(['r1', 'detention-family-notice-24h', 'detention', 'detention.familyNotifiedAt']);
    // 待核实, and no "（第1行）" on a page with one row.
    expect(second![at('级别')]).toBe('待核实');
    expect(second![at('字段')]).not.toContain('行）');
  });

  it('XLSX: the findings sheet and each finding’s history on a second sheet', async () => {
    const wb = await readBack(await docXlsx(findingsDoc(rows, pack, '滨江分局法制大队', beijing('2024-03-07 08:00'))));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题', '审核记录']);
    // Printed: the columns a reviewer works through, landscape; ids and addresses stay in the sheet.
    const sheet = wb.getWorksheet('问题')!;
    expect(sheet.pageSetup.printArea).toBe(`A1:L${sheet.rowCount}`);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const history = wb.getWorksheet('审核记录')!;
    expect(texts(history)).toEqual(expect.arrayContaining(['确认', '疏忽大意', '已责令补正', '李审核', '2024-03-06 09:30', '首次发现']));
    expect(String(history.getCell('A1').value)).toBe('滨江分局法制大队 执法问题台账 2024-03-07');
  });
});

describe('one file-name scheme (#20.4)', () => {
  it('单位-报告-期间.ext, the period without its bracketed dates, no character Windows refuses', () => {
    expect(exportFileName({ unit: '滨江分局法制大队', report: '执法问题周结', period: '2026年第49周（2026年11月30日—12月6日）' }, 'xlsx')).toBe('滨江分局法制大队-执法问题周结-2026年第49周.xlsx');
    expect(exportFileName({ unit: null, report: '执法质量月通报', period: '2026年11月' }, 'csv')).toBe('执法质量月通报-2026年11月.csv');
    expect(exportFileName({ unit: 'A/B:C', report: '执法问题台账', period: '2026-12-01 1530' }, 'json')).toBe('A／B：C-执法问题台账-2026-12-01 1530.json');
    expect(shortPeriod('2026年第四季度')).toBe('2026年第四季度');
  });
});

describe('small Chinese issues (#20.4)', () => {
  it('a law is named once per citation', () => {
    expect(citeAll([{ law: '《中华人民共和国行政处罚法》', point: '第四十四条' }, { law: '《中华人民共和国行政处罚法》', point: '第四十五条' }])).toBe('《中华人民共和国行政处罚法》第四十四条、第四十五条');
    const compiled = compilePack(pack);
    const bail = compiled.byId!.get('bail-max-12m')!;
    expect(bail.staticBasis).toBe('《中华人民共和国刑事诉讼法》第七十九条第一款、第一百零五条；《公安机关办理刑事案件程序规定》第一百零七条');
    for (const c of compiled.rules) {
      const laws = (c.staticBasis ?? '').match(/《[^》]+》(（[^）]+）)?/g) ?? [];
      expect(new Set(laws).size, c.id).toBe(laws.length);
    }
  });

  it('no "（第1行）" on a field of a page with one row; rows named where there are several', () => {
    expect(rowLabel(0, 1)).toBe('');
    expect(rowLabel(1, 3)).toBe('（第2行）');
    expect(rowLabel(0, null)).toBe('（第1行）');
    expect(rowLabel(null, 3)).toBe('');
    const compiled = compilePack(pack);
    const session = (n: number) => ({ key: 'interrogation.interrogators', raw: '王伟', row: n });
    const at = (n: number) => ({ key: 'interrogation.startAt', raw: `2024-03-0${5 + n} 10:00`, row: n });
    const findingsOf = (snaps: { key: string; raw: string; row?: number }[]) =>
      evaluate(compiled, [...snaps, { key: 'case.kind', raw: '刑事' }], { now: beijing('2026-11-01 09:00') }).findings.filter((f) => f.ruleId === 'interrogation-two-officers');
    const single = findingsOf([session(0), at(0)]);
    expect(single.map((f) => rowLabel(f.row, f.rows))).toEqual(['']);
    // Its identity keeps the row: a log written before keeps matching it.
    expect(single[0]!.row).toBe(0);
    const two = findingsOf([session(0), at(0), session(1), at(1)]);
    expect(two.map((f) => rowLabel(f.row, f.rows))).toEqual(['（第1行）', '（第2行）']);
  });
});

describe('report pages say what applies (#20.4)', () => {
  const data = { findings: [row('a')], checks: [] };
  const weekly = weeklyDoc(weeklyReport(data, weekPeriod(beijing('2024-03-06 10:00'))), pack, null);
  const daily = dailyDoc(dailyReport(data), pack, null, '2024-03-05');
  const monthly = monthlyDoc(monthlyBulletin(data, monthPeriod(beijing('2024-03-06 10:00')), 6), pack, null);

  it('each report’s footnote explains only the figures it shows', () => {
    expect(weekly.footnote).toContain('每案问题数');
    expect(weekly.footnote).toContain('周自周一0时');
    expect(daily.footnote).not.toContain('每案问题数');
    expect(daily.footnote).not.toContain('周自周一');
    expect(monthly.footnote).toContain('执法过错');
    expect(monthly.footnote).not.toContain('周自周一');
  });

  it('count axes in whole numbers; rates keep their decimals', () => {
    const counts = weekly.sections.find((s) => s.name === '问题类型')!;
    expect(chartConfig(counts, counts.chart!).options?.scales?.y).toMatchObject({ ticks: { precision: 0 } });
    const rates = weekly.sections.find((s) => s.name === '各单位')!;
    expect((chartConfig(rates, rates.chart!).options?.scales?.y as { ticks?: unknown }).ticks).toBeUndefined();
  });
});

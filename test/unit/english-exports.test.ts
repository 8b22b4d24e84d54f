/**
 * Reports and exports in the reader's language (#15.7): in English, every word of a report or an
 * export that CaseLint writes — titles, periods, section names and titles, column headers, the
 * words in its cells, footnotes, the sheet footer — is English; the record's own data (units,
 * names, case numbers, the logged zh-CN message, the guideline's text) stays as recorded. Chinese
 * stays the default, unchanged.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { event, type FindingRow } from '../../lib/db/rows';
import { findingsCsv, findingsDoc } from '../../lib/exports/findings';
import { docXlsx } from '../../lib/exports/xlsx';
import { dailyReport, monthlyBulletin, officerRecord, officerOf, weeklyReport } from '../../lib/reports/aggregate';
import { monthPeriod, periodLabel, quarterPeriod, weekPeriod, yearPeriod } from '../../lib/reports/period';
import { dailyDoc, monthlyDoc, officerDoc, weeklyDoc, whitePaperDoc, type ReportDoc } from '../../lib/reports/sheets';
import { whitePaper } from '../../lib/reports/white-paper';
import { reminderFor } from '../../lib/reminders/reminders';
import { trFor } from '../../lib/i18n/tr';
import { defaultPack } from '../../rules/packs/default';
import { beijing } from './check-tester';

const pack = defaultPack();
const CJK = /[\u3400-\u9fff]/;
const t = beijing('2024-03-05 10:00');
const row = (id: string, o: Partial<FindingRow> = {}): FindingRow => ({
  id, key: id, caseNumber: 'XS2024-0302', caseKey: 'XS2024-0302', document: '/case/{案号}/detention', caseKind: '刑事', unit: '滨江分局城西派出所', officers: ['刘洋'],
  ruleId: 'detention-family-notice-24h', category: 'detention', severity: 'error', kind: 'violation', fieldKey: 'detention.familyNotifiedAt', row: null, rows: null,
  message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时', basis: '《中华人民共和国刑事诉讼法》第八十五条第二款',
  pageUrl: 'http://10.1.2.3/case/XS2024-0302/detention', firstSeen: t, lastSeen: t, timesSeen: 1, lastVisit: 'v', status: 'confirmed', fixedAt: null,
  reviewer: '李审核', reviewerUnit: '法制大队', subjectiveLevel: '疏忽大意', dismissReason: null, note: null, updatedAt: t, reviewedAt: t + 60_000,
  history: [event({ event: 'first-seen', at: t }), event({ event: 'confirmed', at: t + 60_000, reviewer: '李审核', subjectiveLevel: '疏忽大意' })], ...o,
});
const data = {
  findings: [row('a'), row('b', { unit: null, officers: [], status: 'open', subjectiveLevel: null, reviewer: null, reviewedAt: null, history: [event({ event: 'first-seen', at: t })] })],
  checks: [{ visit: '1', caseKey: 'XS2024-0302', caseNumber: 'XS2024-0302', caseKind: '刑事', unit: '滨江分局城西派出所', officers: ['刘洋'], url: 'u', at: t, findingsCount: 2 }],
};
const at = beijing('2024-03-06 10:00');
/** The record's own values, which keep their language. */
const RECORD = new Set(['XS2024-0302', '滨江分局城西派出所', '刘洋', officerOf('刘洋', '滨江分局城西派出所'), '李审核', '法制大队', data.findings[0]!.message, '/case/{案号}/detention', '滨江分局法制大队']);

/** Every text of a document that is CaseLint's own words (not a record value, not the guideline quoted). */
function ownWords(doc: ReportDoc, quoted: Set<string> = new Set()): string[] {
  const out = [doc.title.replace(officerOf('刘洋', '滨江分局城西派出所'), ''), doc.period, doc.footnote ?? ''];
  for (const s of doc.sections) {
    out.push(s.name, s.title, ...s.columns.map((c) => c.header));
    if (s.text) out.push(s.text.replace(/滨江分局城西派出所/g, ''));
    for (const r of s.rows) for (const v of r) if (typeof v === 'string' && !RECORD.has(v) && !quoted.has(v)) out.push(v);
  }
  return out;
}

describe('reports in English', () => {
  const week = weekPeriod(at);
  const month = monthPeriod(at);
  const guideline = new Set(pack.rules.flatMap((r) => [r.guideline.chronicProblem, r.guideline.norm]));
  const docs: [string, ReportDoc][] = [
    ['daily', dailyDoc(dailyReport(data), pack, '滨江分局法制大队', '2024-03-05', 'en')],
    ['weekly', weeklyDoc(weeklyReport(data, week), pack, '滨江分局法制大队', 'en')],
    ['monthly', monthlyDoc(monthlyBulletin(data, month, 6), pack, null, 'en')],
    ['officer', officerDoc(officerRecord(data, officerOf('刘洋', '滨江分局城西派出所'), month), pack, null, 'Oct 2023 – Mar 2024', 'en')],
    ['white paper', whitePaperDoc(whitePaper(data, quarterPeriod(at), pack, 'en'), null)],
  ];
  for (const [name, doc] of docs)
    it(`${name}: no Chinese in its own words`, () => {
      expect(ownWords(doc, guideline).filter((w) => CJK.test(w))).toEqual([]);
      expect(doc.locale).toBe('en');
    });

  it('the same reports in Chinese by default (the control)', () => {
    expect(CJK.test(weeklyDoc(weeklyReport(data, week), pack, null).title)).toBe(true);
    expect(ownWords(dailyDoc(dailyReport(data), pack, null, '2024-03-05')).filter((w) => CJK.test(w)).length).toBeGreaterThan(5);
  });

  it('periods in English', () => {
    expect(periodLabel(week, 'en')).toBe('Week 10 of 2024 (4 Mar – 10 Mar 2024)');
    expect(periodLabel(month, 'en')).toBe('Mar 2024');
    expect(periodLabel(quarterPeriod(at), 'en')).toBe('Q1 2024');
    expect(periodLabel(yearPeriod(at), 'en')).toBe('2024');
    expect(periodLabel(week)).toBe('2024年第10周（2024年3月4日—3月10日）');
  });

  it('the sheet says its page numbers and "no data" in English', async () => {
    const empty = weeklyDoc(weeklyReport({ findings: [], checks: [] }, week), pack, null, 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await docXlsx(empty));
    const ws = wb.worksheets[1]!;
    expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && cells.push(c.value))));
    expect(cells).toContain('No data for this period');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Overview', 'Problem kinds', 'Units']);
  });
});

describe('the log export in English', () => {
  it('CSV: English headers and words, the record as recorded', () => {
    const csv = findingsCsv(data.findings, pack, 'en');
    const [header, first] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(header).not.toMatch(CJK);
    expect(header!.startsWith('Case number,Problem,Field,Level,Status,Unit')).toBe(true);
    expect(first).toContain('Violation');
    expect(first).toContain('Confirmed');
    expect(first).toContain('Negligent');
    expect(first).toContain(data.findings[0]!.message);
  });

  it('XLSX: both sheets and the history in English', async () => {
    const doc = findingsDoc(data.findings, pack, null, t, 'en');
    expect(doc.title).toBe('Findings log');
    expect(doc.sections.map((s) => s.name)).toEqual(['Findings', 'Review history']);
    const history = doc.sections[1]!;
    expect(history.rows.map((r) => r[3])).toEqual(['First seen', 'Confirmed', 'First seen']);
    expect(ownWords(doc).filter((w) => CJK.test(w) && !/^（第|通知家属时间/.test(w))).toEqual([]);
    expect(findingsCsv(data.findings, pack).split('\r\n')[0]).toMatch(/^\ufeff案件编号,问题,字段/);
  });
});

it('the morning reminder in English', () => {
  const r = reminderFor(beijing('2024-04-01 08:30'), trFor('en'));
  expect(r).toMatchObject({ title: 'CaseLint reports are ready', message: 'Ready today: the daily list, the weekly report, the monthly bulletin. Click to open.' });
});

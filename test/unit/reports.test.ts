/**
 * Report figures on fixed data, against figures computed by hand. Week boundary: Sunday 24:00
 * Beijing time (2024-03-10 23:59 is in week 10, 2024-03-11 00:00 in week 11); months of different
 * lengths (February 2024 has 29 days).
 */
import { describe, expect, it } from 'vitest';
import type { FindingRow, PageCheck } from '../../lib/db/rows';
import { counts, dailyReport, monthlyBulletin, officerRecord, officersOf, topRules, unitFigures, weeklyReport } from '../../lib/reports/aggregate';
import { dayPeriod, lastPeriods, monthPeriod, previous, quarterPeriod, weekPeriod, yearPeriod } from '../../lib/reports/period';
import { whitePaper } from '../../lib/reports/white-paper';
import { defaultPack } from '../../rules/packs/default';
import { beijing } from './check-tester';

const A = '城东派出所';
const B = '城西派出所';

function f(id: string, o: Partial<FindingRow> & { first: string }): FindingRow {
  const { first, ...rest } = o;
  return {
    id, key: id, caseNumber: 'C0', caseKey: 'C0', caseKind: '刑事', unit: A, officers: ['王伟'], ruleId: 'detention-custody-24h', category: 'detention',
    severity: 'error', kind: 'violation', fieldKey: 'detention.custodyAt', row: null, rows: null, message: 'm', basis: 'b', pageUrl: 'http://10.1.2.3/x',
    firstSeen: beijing(first), lastSeen: beijing(first), timesSeen: 1, lastVisit: '', status: 'open', fixedAt: null, reviewer: null, reviewerUnit: null,
    subjectiveLevel: null, dismissReason: null, note: null, updatedAt: beijing(first), reviewedAt: null, document: '/x', history: [], ...rest,
  };
}
const k = (caseKey: string, unit: string | null, at: string, findingsCount: number): PageCheck => ({
  visit: `${caseKey}@${at}`, caseKey, caseNumber: caseKey, caseKind: '刑事', unit, officers: [], url: 'http://10.1.2.3/x', at: beijing(at), findingsCount,
});

const R1 = 'detention-family-notice-24h';
const R2 = 'adm-two-officers';
const R3 = 'bail-max-12m';

const data = {
  findings: [
    f('f1', { first: '2024-03-04 09:00', ruleId: R1, caseKey: 'C1', caseNumber: 'C1', officers: ['王伟', '张磊'] }),
    f('f2', { first: '2024-03-10 23:59', ruleId: R1, caseKey: 'C2', caseNumber: 'C2', status: 'fixed', fixedAt: beijing('2024-03-11 00:00') }),
    f('f3', { first: '2024-03-11 00:00', ruleId: R2, caseKey: 'C3', caseNumber: 'C3', unit: B }),
    f('f4', { first: '2024-03-01 10:00', ruleId: R1, caseKey: 'C4', caseNumber: 'C4', unit: B, status: 'confirmed', reviewedAt: beijing('2024-03-05 10:00'), subjectiveLevel: '疏忽大意', officers: ['刘洋'] }),
    f('f5', { first: '2024-03-06 09:00', ruleId: R2, caseKey: 'C1', caseNumber: 'C1', status: 'dismissed', reviewedAt: beijing('2024-03-10 23:59') }),
    f('f6', { first: '2024-03-07 09:00', ruleId: R3, caseKey: 'C5', caseNumber: 'C5', unit: null, status: 'fixed', fixedAt: beijing('2024-03-08 12:00') }),
    f('f7', { first: '2024-02-29 23:59', ruleId: R3, caseKey: 'C8', caseNumber: 'C8' }),
    f('f8', { first: '2024-03-31 23:59', ruleId: R2, caseKey: 'C9', caseNumber: 'C9', unit: B }),
    f('f9', { first: '2024-04-01 00:00', ruleId: R2, caseKey: 'C9', caseNumber: 'C9', unit: B, fieldKey: 'case.officers' }),
    f('f10', { first: '2024-03-20 10:00', ruleId: R1, caseKey: 'C3', caseNumber: 'C3', unit: B, kind: 'due-soon' }),
  ],
  checks: [
    k('C1', A, '2024-03-04 09:00', 1),
    k('C1', A, '2024-03-06 09:00', 2),
    k('C2', A, '2024-03-10 23:59', 1),
    k('C6', A, '2024-03-08 10:00', 0),
    k('C4', B, '2024-03-01 10:00', 1),
    k('C7', B, '2024-03-05 10:00', 0),
    k('C5', null, '2024-03-07 09:00', 1),
    k('C3', B, '2024-03-11 00:00', 1),
  ],
};

describe('periods (Beijing time, weeks Monday to Sunday)', () => {
  it('a week runs from Monday 00:00 to Sunday 24:00 Beijing time', () => {
    const w = weekPeriod(beijing('2024-03-10 23:59'));
    expect(w.start).toBe(beijing('2024-03-04 00:00'));
    expect(w.end).toBe(beijing('2024-03-11 00:00'));
    expect(w.label).toBe('2024年第10周（2024年3月4日—3月10日）');
    expect(weekPeriod(beijing('2024-03-11 00:00')).label).toContain('第11周');
    expect(weekPeriod(beijing('2024-12-31 10:00')).label).toBe('2025年第1周（2024年12月30日—1月5日）');
  });
  it('months of different lengths, quarters and years', () => {
    const feb = monthPeriod(beijing('2024-02-15 10:00'));
    expect((feb.end - feb.start) / 86_400_000).toBe(29);
    expect((monthPeriod(beijing('2023-02-15 10:00')).end - monthPeriod(beijing('2023-02-15 10:00')).start) / 86_400_000).toBe(28);
    expect(previous(monthPeriod(beijing('2024-03-31 23:59'))).label).toBe('2024年2月');
    expect(quarterPeriod(beijing('2024-05-01 00:00')).label).toBe('2024年第二季度');
    expect(yearPeriod(beijing('2024-05-01 00:00')).start).toBe(beijing('2024-01-01 00:00'));
    expect(lastPeriods(monthPeriod(beijing('2024-02-10 00:00')), 3).map((p) => p.label)).toEqual(['2023年12月', '2024年1月', '2024年2月']);
    expect(dayPeriod(beijing('2024-03-10 23:59')).label).toBe('2024-03-10');
  });
});

describe('weekly report (周结), week of 2024-03-04', () => {
  const week = weekPeriod(beijing('2024-03-06 12:00'));
  const r = weeklyReport(data, week);
  it('counts new, fixed, confirmed and dismissed in the week, and the week before', () => {
    // new: f1, f2 (Sunday 23:59), f5, f6; fixed: f6 (f2 was fixed Monday 00:00, next week); confirmed f4; dismissed f5.
    expect(r.counts).toEqual({ newFindings: 4, fixed: 1, confirmed: 1, dismissed: 1 });
    // The week before (02-26 to 03-03) holds f4 and f7 (Thursday 02-29, a leap day).
    expect(r.previousCounts).toEqual({ newFindings: 2, fixed: 0, confirmed: 0, dismissed: 0 });
  });
  it('figures and rates per unit, and the total', () => {
    expect(r.units).toEqual([
      { unit: A, casesChecked: 3, casesWithProblem: 2, newFindings: 3, perCase: 1, share: 2 / 3 },
      { unit: B, casesChecked: 1, casesWithProblem: 0, newFindings: 0, perCase: 0, share: 0 },
      { unit: '（未注明单位）', casesChecked: 1, casesWithProblem: 1, newFindings: 1, perCase: 1, share: 1 },
    ]);
    expect(r.total).toEqual({ unit: '合计', casesChecked: 5, casesWithProblem: 3, newFindings: 4, perCase: 0.8, share: 0.6 });
    expect(r.previousTotal).toMatchObject({ casesChecked: 1, newFindings: 2, perCase: 2 });
  });
  it('top problem kinds with the previous week beside them', () => {
    expect(r.topRules).toEqual([
      { ruleId: R1, count: 2, previous: 1, examples: ['C1', 'C2'] },
      { ruleId: R2, count: 1, previous: 0, examples: ['C1'] },
      { ruleId: R3, count: 1, previous: 1, examples: ['C5'] },
    ]);
  });
});

describe('daily report (日清)', () => {
  it('open findings only, oldest first, grouped by unit and officer, due-soon on top', () => {
    const d = dailyReport(data);
    expect(d.open).toBe(6); // f1 f3 f7 f8 f9 f10
    expect(d.dueSoon.map((r) => r.id)).toEqual(['f10']);
    expect(d.groups.map((g) => [g.unit, g.officers.map((o) => [o.officer, o.rows.map((r) => r.id)])])).toEqual([
      [A, [['王伟', ['f7']], ['王伟、张磊', ['f1']]]],
      [B, [['王伟', ['f3', 'f10', 'f8', 'f9']]]],
    ]);
  });
});

describe('monthly bulletin (月通报), March 2024', () => {
  const m = monthlyBulletin(data, monthPeriod(beijing('2024-03-15 00:00')), 3);
  it('counts the month from 03-01 00:00 to 03-31 24:00', () => {
    // f1 f2 f3 f4 f5 f6 f8 f10 — not f7 (Feb 29 23:59), not f9 (Apr 1 00:00).
    expect(m.counts.newFindings).toBe(8);
  });
  it('ranks units by problems per case checked', () => {
    expect(m.ranking.map((u) => [u.unit, u.casesChecked, u.newFindings, u.perCase])).toEqual([
      [B, 3, 4, 4 / 3],
      [A, 3, 3, 1],
      ['（未注明单位）', 1, 1, 1],
    ]);
  });
  it('confirmed faults by subjective level, typical problems with example cases, and the trend', () => {
    expect(m.confirmedByLevel).toEqual({ 主观故意: 0, 疏忽大意: 1, 确实不懂: 0, 未认定: 0 });
    expect(m.typical[0]).toEqual({ ruleId: R1, count: 4, previous: 0, examples: ['C4', 'C1', 'C2'] }); // first found first
    expect(m.trend.map((t) => [t.label, t.newFindings, t.casesChecked])).toEqual([
      ['2024年1月', 0, 0],
      ['2024年2月', 1, 0],
      ['2024年3月', 8, 7],
    ]);
  });
});

describe('officer record (民警执法档案)', () => {
  it('counts findings of cases the officer handled, by month', () => {
    const rec = officerRecord(data, '王伟（城东派出所）', monthPeriod(beijing('2024-04-10 00:00')), 3);
    // 王伟 of 城东派出所 is on f1 f2 f5 f7 (Feb f7; Mar f1 f2 f5); the 王伟 of 城西派出所 on f3 f8 f9 f10 is another officer.
    expect(rec.trend.map((t) => [t.label, t.findings])).toEqual([
      ['2024年2月', 1],
      ['2024年3月', 3],
      ['2024年4月', 0],
    ]);
    expect(rec.findings).toBe(4);
    expect(rec.topRules[0]).toEqual({ ruleId: R1, count: 2 });
    expect(officerRecord(data, '王伟（城西派出所）', monthPeriod(beijing('2024-04-10 00:00')), 3).trend.map((t) => t.findings)).toEqual([0, 3, 1]);
    expect(officerRecord(data, officersOf(data).find((o) => o.startsWith('刘洋'))!, monthPeriod(beijing('2024-03-10 00:00')), 1).confirmed.map((r) => r.id)).toEqual(['f4']);
  });

  it('two officers of the same name in two units are two people (#15.6)', () => {
    const two = { ...data, findings: [f('w1', { first: '2024-03-05 10:00' }), f('w2', { first: '2024-03-06 10:00', unit: B }), f('w3', { first: '2024-03-07 10:00', unit: B })] };
    expect(officersOf(two)).toEqual(['王伟（城东派出所）', '王伟（城西派出所）']);
    const march = monthPeriod(beijing('2024-03-10 00:00'));
    expect(officerRecord(two, '王伟（城东派出所）', march, 1).findings).toBe(1);
    expect(officerRecord(two, '王伟（城西派出所）', march, 1).findings).toBe(2);
  });
});

describe('white paper (执法现状白皮书), 2024 Q1', () => {
  it('writes each section with the figures, and the guideline’s correction for leading problems', () => {
    const wp = whitePaper(data, quarterPeriod(beijing('2024-02-01 00:00')), defaultPack());
    expect(wp.total).toMatchObject({ casesChecked: 7, newFindings: 9 });
    expect(wp.sections[0]!.text).toContain('共检查案件7起，发现执法问题9个');
    expect(wp.sections[3]!.text).toContain('疏忽大意1个');
    expect(wp.leading[0]).toMatchObject({ ruleId: R1, count: 4, chronicProblem: '超时通知、无理由不通知' });
    expect(wp.leading[0]!.norm).toContain('二十四小时以内通知家属');
    expect(wp.trend.map((t) => t.label)).toEqual(['2024年1月', '2024年2月', '2024年3月']);
  });
});

describe('helpers', () => {
  it('counts and unit figures agree with the weekly report', () => {
    const week = weekPeriod(beijing('2024-03-06 12:00'));
    expect(counts(data, week).newFindings).toBe(unitFigures(data, week).total.newFindings);
    expect(topRules(data, week, 1)).toHaveLength(1);
  });
});

describe('loading through indexes gives the same figures as reading the whole log', () => {
  it('weekly and monthly, in any insertion order', async () => {
    const { CaseLintDb } = await import('../../lib/db/database');
    const { loadAll, loadMonthly, loadRange } = await import('../../lib/reports/load');
    const db = new CaseLintDb(`reports-${Math.random()}`);
    await db.open();
    await db.findings.bulkAdd([...data.findings].reverse());
    await db.pageChecks.bulkAdd(data.checks);
    const week = weekPeriod(beijing('2024-03-06 12:00'));
    const month = monthPeriod(beijing('2024-03-15 00:00'));
    const all = await loadAll(db);
    expect(weeklyReport(await loadRange(db, previous(week).start, week.end), week)).toEqual(weeklyReport(all, week));
    const { data: monthly, newCounts } = await loadMonthly(db, month, 3);
    expect(monthlyBulletin(monthly, month, 3, newCounts)).toEqual(monthlyBulletin(all, month, 3));
    db.close();
  });
});

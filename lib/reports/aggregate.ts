/**
 * The figures of the daily, weekly and monthly reports, the officer's record and the white paper,
 * computed from log rows (pure functions: tested on fixed data, reused by pages and exports).
 * Definitions (shown on the report pages):
 * - 新发现: first seen in the period; 已整改: fixed in the period; 已确认/已排除: reviewed in the period.
 * - 检查案件数: distinct cases whose pages were checked in the period; 问题案件数: of those, cases
 *   with at least one finding on a page checked in the period.
 * - 每案问题数 = 新发现 / 检查案件数; 问题案件占比 = 问题案件数 / 检查案件数.
 */
import type { FindingRow, PageCheck } from '../db/rows';
import { lastPeriods, previous, within, type Period } from './period';

export interface LogData {
  findings: FindingRow[];
  checks: PageCheck[];
}

export interface Counts {
  newFindings: number;
  fixed: number;
  confirmed: number;
  dismissed: number;
}

export interface UnitFigures {
  unit: string;
  casesChecked: number;
  casesWithProblem: number;
  newFindings: number;
  /** 每案问题数; null when no case was checked. */
  perCase: number | null;
  /** 问题案件占比; null when no case was checked. */
  share: number | null;
}

export const NO_UNIT = '（未注明单位）';
export const NO_OFFICER = '（未注明民警）';
/** The total row's name (the unit column of figures). */
export const TOTAL = '合计';
/** Code-point order: the same on every machine, whatever its locale data. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unitOf = (u: string | null) => u || NO_UNIT;
const ratio = (a: number, b: number) => (b ? a / b : null);

export function counts(data: LogData, p: Period): Counts {
  let newFindings = 0;
  let fixed = 0;
  let confirmed = 0;
  let dismissed = 0;
  for (const r of data.findings) {
    if (within(r.firstSeen, p)) newFindings++;
    if (within(r.fixedAt, p)) fixed++;
    if (within(r.reviewedAt, p)) {
      if (r.status === 'confirmed') confirmed++;
      else if (r.status === 'dismissed') dismissed++;
    }
  }
  return { newFindings, fixed, confirmed, dismissed };
}

function figures(unit: string, checks: PageCheck[], findings: FindingRow[]): UnitFigures {
  const cases = new Set(checks.map((c) => c.caseKey));
  const withProblem = new Set(checks.filter((c) => c.findingsCount > 0).map((c) => c.caseKey));
  return {
    unit,
    casesChecked: cases.size,
    casesWithProblem: withProblem.size,
    newFindings: findings.length,
    perCase: ratio(findings.length, cases.size),
    share: ratio(withProblem.size, cases.size),
  };
}

/** Figures per unit for a period (units seen in checks or findings), and the total. */
export function unitFigures(data: LogData, p: Period): { units: UnitFigures[]; total: UnitFigures } {
  const checks = data.checks.filter((c) => within(c.at, p));
  const found = data.findings.filter((r) => within(r.firstSeen, p));
  const units = [...new Set([...checks.map((c) => unitOf(c.unit)), ...found.map((r) => unitOf(r.unit))])].sort();
  return {
    units: units.map((u) =>
      figures(
        u,
        checks.filter((c) => unitOf(c.unit) === u),
        found.filter((r) => unitOf(r.unit) === u),
      ),
    ),
    total: figures(TOTAL, checks, found),
  };
}

export interface RuleCount {
  ruleId: string;
  count: number;
  previous: number;
  /** Up to three case numbers, for typical problems. */
  examples: string[];
}

export function topRules(data: LogData, p: Period, limit = 10): RuleCount[] {
  const prev = previous(p);
  const by = new Map<string, RuleCount & { cases: { at: number; caseNumber: string }[] }>();
  for (const r of data.findings) {
    const inP = within(r.firstSeen, p);
    const inPrev = within(r.firstSeen, prev);
    if (!inP && !inPrev) continue;
    let c = by.get(r.ruleId);
    if (!c) by.set(r.ruleId, (c = { ruleId: r.ruleId, count: 0, previous: 0, examples: [], cases: [] }));
    if (inP) {
      c.count++;
      if (r.caseNumber) c.cases.push({ at: r.firstSeen, caseNumber: r.caseNumber });
    } else c.previous++;
  }
  return [...by.values()]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || cmp(a.ruleId, b.ruleId))
    .slice(0, limit)
    .map(({ cases, ...c }) => {
      // Example cases: the first ones found in the period (the same whatever order rows arrive in).
      const examples: string[] = [];
      for (const x of cases.sort((a, b) => a.at - b.at || cmp(a.caseNumber, b.caseNumber))) {
        if (examples.length === 3) break;
        if (!examples.includes(x.caseNumber)) examples.push(x.caseNumber);
      }
      return { ...c, examples };
    });
}

export interface WeeklyReport {
  period: Period;
  previous: Period;
  counts: Counts;
  previousCounts: Counts;
  topRules: RuleCount[];
  units: UnitFigures[];
  total: UnitFigures;
  previousTotal: UnitFigures;
}

export function weeklyReport(data: LogData, week: Period): WeeklyReport {
  const prev = previous(week);
  const now = unitFigures(data, week);
  return {
    period: week,
    previous: prev,
    counts: counts(data, week),
    previousCounts: counts(data, prev),
    topRules: topRules(data, week),
    units: now.units,
    total: now.total,
    previousTotal: unitFigures(data, prev).total,
  };
}

export interface DailyGroup {
  unit: string;
  officers: { officer: string; rows: FindingRow[] }[];
}

/** 日清: what is still open, oldest first, by unit and officer; due-soon deadlines on top. */
export function dailyReport(data: LogData): { dueSoon: FindingRow[]; groups: DailyGroup[]; open: number } {
  const open = data.findings.filter((r) => r.status === 'open').sort((a, b) => a.firstSeen - b.firstSeen);
  const dueSoon = open.filter((r) => r.kind === 'due-soon');
  const units = new Map<string, Map<string, FindingRow[]>>();
  for (const r of open) {
    const u = unitOf(r.unit);
    let officers = units.get(u);
    if (!officers) units.set(u, (officers = new Map()));
    const officer = r.officers.join('、') || NO_OFFICER;
    officers.set(officer, [...(officers.get(officer) ?? []), r]);
  }
  const groups = [...units.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([unit, officers]) => ({ unit, officers: [...officers.entries()].map(([officer, rows]) => ({ officer, rows })) }));
  return { dueSoon, groups, open: open.length };
}

export interface TrendPoint {
  label: string;
  labelEn: string;
  newFindings: number;
  casesChecked: number;
  perCase: number | null;
  confirmed: number;
}

/**
 * Counts of findings first seen per period, when the caller has them from an index (so a trend over
 * months does not need every row of those months); otherwise counted from the rows.
 */
export type NewCounts = (p: Period) => number | undefined;

export function trend(data: LogData, p: Period, n: number, newCounts?: NewCounts): TrendPoint[] {
  return lastPeriods(p, n).map((q) => {
    const f = unitFigures(data, q).total;
    const newFindings = newCounts?.(q) ?? f.newFindings;
    return { label: q.label, labelEn: q.labelEn, newFindings, casesChecked: f.casesChecked, perCase: f.casesChecked ? newFindings / f.casesChecked : null, confirmed: counts(data, q).confirmed };
  });
}

export const LEVELS = ['主观故意', '疏忽大意', '确实不懂'] as const;

export interface MonthlyBulletin {
  period: Period;
  counts: Counts;
  /** Units by problems per case checked, most first. */
  ranking: UnitFigures[];
  total: UnitFigures;
  typical: RuleCount[];
  confirmedByLevel: Record<(typeof LEVELS)[number] | '未认定', number>;
  confirmedRows: FindingRow[];
  trend: TrendPoint[];
}

export function monthlyBulletin(data: LogData, month: Period, months = 6, newCounts?: NewCounts): MonthlyBulletin {
  const { units, total } = unitFigures(data, month);
  const confirmedRows = data.findings.filter((r) => r.status === 'confirmed' && within(r.reviewedAt, month));
  const confirmedByLevel = { 主观故意: 0, 疏忽大意: 0, 确实不懂: 0, 未认定: 0 };
  for (const r of confirmedRows) confirmedByLevel[r.subjectiveLevel ?? '未认定']++;
  return {
    period: month,
    counts: counts(data, month),
    ranking: [...units].sort((a, b) => (b.perCase ?? -1) - (a.perCase ?? -1) || b.newFindings - a.newFindings || cmp(a.unit, b.unit)),
    total,
    typical: topRules(data, month, 5),
    confirmedByLevel,
    confirmedRows,
    trend: trend(data, month, months, newCounts),
  };
}

export interface OfficerRecord {
  officer: string;
  findings: number;
  confirmed: FindingRow[];
  topRules: { ruleId: string; count: number }[];
  trend: { label: string; labelEn: string; findings: number; confirmed: number }[];
}

/**
 * Who an officer is (#15.6): the name with the unit that handled the case — two 王伟 of two units
 * are two people. A 警号 the page shows with the name ("王伟(012345)") stays part of the name.
 */
export const officerOf = (name: string, unit: string | null) => (unit ? `${name}（${unit}）` : name);
const handledBy = (r: FindingRow, officer: string) => r.officers.some((name) => officerOf(name, r.unit) === officer);

/** 民警执法档案: one officer's findings (as a case officer) over the months ending with `month`. */
export function officerRecord(data: LogData, officer: string, month: Period, months = 12): OfficerRecord {
  const mine = data.findings.filter((r) => handledBy(r, officer));
  const periods = lastPeriods(month, months);
  const span = { ...month, start: periods[0]!.start };
  const inSpan = mine.filter((r) => within(r.firstSeen, span));
  const rules = new Map<string, number>();
  for (const r of inSpan) rules.set(r.ruleId, (rules.get(r.ruleId) ?? 0) + 1);
  return {
    officer,
    findings: inSpan.length,
    confirmed: mine.filter((r) => r.status === 'confirmed' && within(r.reviewedAt, span)),
    topRules: [...rules.entries()].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || cmp(a.ruleId, b.ruleId)).slice(0, 5),
    trend: periods.map((q) => ({
      label: q.label,
      labelEn: q.labelEn,
      findings: mine.filter((r) => within(r.firstSeen, q)).length,
      confirmed: mine.filter((r) => r.status === 'confirmed' && within(r.reviewedAt, q)).length,
    })),
  };
}

/** Every officer named on a logged finding, each with the unit (officerOf). */
export function officersOf(data: LogData): string[] {
  return [...new Set(data.findings.flatMap((r) => r.officers.map((name) => officerOf(name, r.unit))))].sort();
}

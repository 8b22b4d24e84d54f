/**
 * Which report from which rows: the one definition of each report's period and data, used by the
 * extension's report page (rows from this browser's log) and by the hub's (rows of the branch).
 */
import type { Pack } from '../../rules/pack';
import { dailyReport, monthlyBulletin, officerRecord, officersOf, weeklyReport, type LogData, type NewCounts } from './aggregate';
import { dayPeriod, lastPeriods, monthPeriod, periodLabel, periodOf, previous, weekPeriod, type Period } from './period';
import type { Labels, Locale } from '../i18n/tr';
import { dailyDoc, monthlyDoc, officerDoc, weeklyDoc, whitePaperDoc, type ReportDoc } from './sheets';
import { whitePaper } from './white-paper';

export const REPORT_KINDS = ['daily', 'weekly', 'monthly', 'officer', 'whitepaper'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_NAMES: Labels<ReportKind> = {
  daily: ['日清', 'Daily'],
  weekly: ['周结', 'Weekly'],
  monthly: ['月通报', 'Monthly'],
  officer: ['民警执法档案', 'Officer record'],
  whitepaper: ['执法现状白皮书', 'White paper'],
};

/** Where a report's rows come from (lib/reports/load.ts over IndexedDB; hub/store.ts over PostgreSQL). */
export interface ReportSource {
  range(from: number, to: number, options?: { open?: boolean; reviewedFrom?: number; checksFrom?: number }): Promise<LogData>;
  countNew(periods: Period[]): Promise<NewCounts>;
}

export interface ReportRequest {
  kind: ReportKind;
  /** An instant in the period wanted. */
  at: number;
  scope?: 'quarter' | 'year';
  officer?: string;
  /** The unit named at the head of the report. */
  unit: string | null;
  /** The report's language (zh-CN, the record's, by default). */
  locale?: Locale;
}

export async function buildReport(source: ReportSource, pack: Pack, r: ReportRequest): Promise<{ doc: ReportDoc; officers: string[] }> {
  const { kind, at, unit } = r;
  const locale = r.locale ?? 'zh-CN';
  if (kind === 'monthly') {
    const month = monthPeriod(at);
    const periods = lastPeriods(month, 6);
    const [data, newCounts] = await Promise.all([
      source.range(previous(month).start, month.end, { reviewedFrom: periods[0]!.start, checksFrom: periods[0]!.start }),
      source.countNew(periods),
    ]);
    return { doc: monthlyDoc(monthlyBulletin(data, month, 6, newCounts), pack, unit, locale), officers: [] };
  }
  if (kind === 'daily') {
    const day = dayPeriod(at);
    return { doc: dailyDoc(dailyReport(await source.range(day.start, day.end, { open: true })), pack, unit, day.label, locale), officers: [] };
  }
  if (kind === 'weekly') {
    const week = weekPeriod(at);
    return { doc: weeklyDoc(weeklyReport(await source.range(previous(week).start, week.end), week), pack, unit, locale), officers: [] };
  }
  if (kind === 'whitepaper') {
    const p = periodOf(r.scope ?? 'quarter', at);
    return { doc: whitePaperDoc(whitePaper(await source.range(previous(p).start, p.end), p, pack, locale), unit), officers: [] };
  }
  const month = monthPeriod(at);
  const months = lastPeriods(month, 12);
  const data = await source.range(previous(months[0]!).start, month.end);
  const officers = officersOf(data);
  const officer = r.officer ?? officers[0] ?? '';
  return { doc: officerDoc(officerRecord(data, officer, month), pack, unit, `${periodLabel(months[0]!, locale)}${locale === 'en' ? ' – ' : '—'}${periodLabel(month, locale)}`, locale), officers };
}

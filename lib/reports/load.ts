/** Loading what a report needs, through indexes (never a full scan of the log). */
import type { CaseLintDb } from '../db/database';
import type { FindingRow } from '../db/rows';
import type { LogData, NewCounts } from './aggregate';
import { lastPeriods, previous, type Period } from './period';

/**
 * Findings first seen, fixed or reviewed in [from, to) and the pages checked then; with `open`,
 * every finding still open too (the daily list). Reviews and checks may reach further back
 * (`reviewedFrom`, `checksFrom`) for trends, which need no other rows of those months.
 */
export async function loadRange(
  db: CaseLintDb,
  from: number,
  to: number,
  options: { open?: boolean; reviewedFrom?: number; checksFrom?: number } = {},
): Promise<LogData> {
  const [seen, fixed, reviewed, open, checks] = await Promise.all([
    db.findings.where('firstSeen').between(from, to, true, false).toArray(),
    db.findings.where('fixedAt').between(from, to, true, false).toArray(),
    db.findings.where('reviewedAt').between(options.reviewedFrom ?? from, to, true, false).toArray(),
    options.open ? db.findings.where('status').equals('open').toArray() : Promise.resolve([]),
    db.pageChecks.where('at').between(options.checksFrom ?? from, to, true, false).toArray(),
  ]);
  const byId = new Map<string, FindingRow>();
  for (const r of [...seen, ...fixed, ...reviewed, ...open]) byId.set(r.id, r);
  return { findings: [...byId.values()], checks };
}

/** Findings first seen per period, counted on the index (no rows read). */
export async function countNewByPeriod(db: CaseLintDb, periods: Period[]): Promise<NewCounts> {
  const counts = await Promise.all(periods.map((p) => db.findings.where('firstSeen').between(p.start, p.end, true, false).count()));
  const byStart = new Map(periods.map((p, i) => [p.start, counts[i]!]));
  return (p) => byStart.get(p.start);
}

/** What the monthly bulletin needs: the month and the one before in full; the trend by counts. */
export async function loadMonthly(db: CaseLintDb, month: Period, months = 6): Promise<{ data: LogData; newCounts: NewCounts }> {
  const periods = lastPeriods(month, months);
  const [data, newCounts] = await Promise.all([
    loadRange(db, previous(month).start, month.end, { reviewedFrom: periods[0]!.start, checksFrom: periods[0]!.start }),
    countNewByPeriod(db, periods),
  ]);
  return { data, newCounts };
}

/** The same data by reading everything (the benchmark's peer). */
export async function loadAll(db: CaseLintDb): Promise<LogData> {
  const [findings, checks] = await Promise.all([db.findings.toArray(), db.pageChecks.toArray()]);
  return { findings, checks };
}

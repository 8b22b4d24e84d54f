/** Loading what a report needs, through indexes (never a full scan of the log). */
import type { CaseLintDb } from '../db/database';
import type { FindingRow } from '../db/rows';
import type { LogData } from './aggregate';

/** Findings first seen, fixed or reviewed in [from, to), the pages checked then, and every open finding. */
export async function loadRange(db: CaseLintDb, from: number, to: number): Promise<LogData> {
  const [seen, fixed, reviewed, open, checks] = await Promise.all([
    db.findings.where('firstSeen').between(from, to, true, false).toArray(),
    db.findings.where('fixedAt').between(from, to, true, false).toArray(),
    db.findings.where('reviewedAt').between(from, to, true, false).toArray(),
    db.findings.where('status').equals('open').toArray(),
    db.pageChecks.where('at').between(from, to, true, false).toArray(),
  ]);
  const byId = new Map<string, FindingRow>();
  for (const r of [...seen, ...fixed, ...reviewed, ...open]) byId.set(r.id, r);
  return { findings: [...byId.values()], checks };
}

/** The same data by reading everything (the benchmark's peer). */
export async function loadAll(db: CaseLintDb): Promise<LogData> {
  const [findings, checks] = await Promise.all([db.findings.toArray(), db.pageChecks.toArray()]);
  return { findings, checks };
}

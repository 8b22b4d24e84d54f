/**
 * The log page's queries: filters, sort and pages over an indexed table, so the first screen
 * stays fast at 100,000 rows (it walks an index and stops after one page; the total is counted
 * separately and shown when ready).
 */
import type { CaseLintDb } from './database';
import type { FindingRow } from './rows';

export interface LogFilter {
  text?: string;
  /** lastSeen range, epoch ms, inclusive. */
  from?: number;
  to?: number;
  unit?: string;
  officer?: string;
  ruleId?: string;
  category?: string;
  severity?: FindingRow['severity'];
  status?: FindingRow['status'];
}

export type SortKey = 'lastSeen' | 'firstSeen' | 'severity' | 'caseKey' | 'unit' | 'ruleId';

export interface LogQuery {
  filter: LogFilter;
  sort: SortKey;
  desc: boolean;
  page: number;
  size: number;
}

function predicate(f: LogFilter): (r: FindingRow) => boolean {
  const text = f.text?.trim().toLowerCase();
  return (r) =>
    (f.from === undefined || r.lastSeen >= f.from) &&
    (f.to === undefined || r.lastSeen <= f.to) &&
    (!f.unit || r.unit === f.unit) &&
    (!f.officer || r.officers.some((o) => o.includes(f.officer!))) &&
    (!f.ruleId || r.ruleId === f.ruleId) &&
    (!f.category || r.category === f.category) &&
    (!f.severity || r.severity === f.severity) &&
    (!f.status || r.status === f.status) &&
    (!text ||
      [r.caseNumber, r.message, r.unit ?? '', r.officers.join(' '), r.ruleId, r.note ?? ''].some((s) => s.toLowerCase().includes(text)));
}

/** The narrowest index for the query: status + time when both apply, else the sort key. */
type Coll = ReturnType<CaseLintDb['findings']['orderBy']>;

function collection(db: CaseLintDb, q: LogQuery): Coll {
  const f = q.filter;
  let c: Coll;
  if (q.sort === 'lastSeen' && f.status) {
    c = db.findings.where('[status+lastSeen]').between([f.status, f.from ?? -Infinity], [f.status, f.to ?? Infinity], true, true);
  } else if (q.sort === 'lastSeen' && (f.from !== undefined || f.to !== undefined)) {
    c = db.findings.where('lastSeen').between(f.from ?? -Infinity, f.to ?? Infinity, true, true);
  } else {
    c = db.findings.orderBy(q.sort);
  }
  return q.desc ? c.reverse() : c;
}

export async function queryLog(db: CaseLintDb, q: LogQuery): Promise<{ rows: FindingRow[]; hasMore: boolean }> {
  const rows = await collection(db, q)
    .filter(predicate(q.filter))
    .offset(q.page * q.size)
    .limit(q.size + 1)
    .toArray();
  return { rows: rows.slice(0, q.size), hasMore: rows.length > q.size };
}

export async function countLog(db: CaseLintDb, q: LogQuery): Promise<number> {
  const f = q.filter;
  const plain = !f.text && f.from === undefined && f.to === undefined && !f.unit && !f.officer && !f.ruleId && !f.category && !f.severity;
  if (plain && !f.status) return db.findings.count();
  if (plain && f.status) return db.findings.where('status').equals(f.status).count();
  return collection(db, { ...q, sort: 'lastSeen' }).filter(predicate(f)).count();
}

/** Every row the filter matches (for bulk actions and exports). */
export async function allMatching(db: CaseLintDb, filter: LogFilter): Promise<FindingRow[]> {
  return collection(db, { filter, sort: 'lastSeen', desc: true, page: 0, size: 0 }).filter(predicate(filter)).toArray();
}

export async function distinct(db: CaseLintDb): Promise<{ units: string[]; rules: string[]; categories: string[] }> {
  const [units, rules, categories] = await Promise.all([
    db.findings.orderBy('unit').uniqueKeys(),
    db.findings.orderBy('ruleId').uniqueKeys(),
    db.findings.orderBy('category').uniqueKeys(),
  ]);
  return { units: units.map(String), rules: rules.map(String), categories: categories.map(String) };
}

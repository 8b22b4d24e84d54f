/**
 * The branch's findings on the hub: what browsers push is merged by finding identity (case,
 * document, rule, field, row) — the newer change wins, histories are joined, first and last seen
 * widen — so a batch sent twice, or the same finding from two browsers, is one row; page checks by
 * visit. Reads give the rows lib/reports computes with, within the caller's scope.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { LogData, NewCounts } from '../lib/reports/aggregate';
import type { ReportSource } from '../lib/reports/build';
import type { Period } from '../lib/reports/period';
import { withEvents, type FindingEvent, type FindingRow, type PageCheck } from '../lib/db/rows';
import type { Scope } from './auth';
import type { FindingsTable, HubSchema, PageChecksTable } from './db/schema';

type FindingRecord = Omit<FindingsTable, 'history'> & { history: unknown };

function toRecord(r: FindingRow, deviceId: number, now: number, fallbackUnit: string): Omit<FindingsTable, 'history'> & { history: string } {
  return {
    key: r.key, case_number: r.caseNumber, case_key: r.caseKey, document: r.document, case_kind: r.caseKind, unit: r.unit ?? fallbackUnit, officers: r.officers,
    rule_id: r.ruleId, category: r.category, severity: r.severity, kind: r.kind, field_key: r.fieldKey, row: r.row, rows: r.rows, message: r.message, basis: r.basis,
    page_url: r.pageUrl, first_seen: r.firstSeen, last_seen: r.lastSeen, times_seen: r.timesSeen, status: r.status, fixed_at: r.fixedAt, reviewer: r.reviewer,
    reviewer_unit: r.reviewerUnit, subjective_level: r.subjectiveLevel, dismiss_reason: r.dismissReason, note: r.note, updated_at: r.updatedAt, reviewed_at: r.reviewedAt,
    history: JSON.stringify(r.history), device_id: deviceId, received_at: now,
  };
}

export function toFindingRow(r: FindingRecord): FindingRow {
  return {
    id: r.key, key: r.key, caseNumber: r.case_number, caseKey: r.case_key, document: r.document, caseKind: r.case_kind, unit: r.unit, officers: r.officers,
    ruleId: r.rule_id, category: r.category, severity: r.severity, kind: r.kind, fieldKey: r.field_key, row: r.row, rows: r.rows, message: r.message, basis: r.basis,
    pageUrl: r.page_url, firstSeen: r.first_seen, lastSeen: r.last_seen, timesSeen: r.times_seen, lastVisit: '', status: r.status, fixedAt: r.fixed_at,
    reviewer: r.reviewer, reviewerUnit: r.reviewer_unit, subjectiveLevel: r.subjective_level as FindingRow['subjectiveLevel'], dismissReason: r.dismiss_reason as FindingRow['dismissReason'],
    note: r.note, updatedAt: r.updated_at, reviewedAt: r.reviewed_at, history: (r.history ?? []) as FindingEvent[],
  };
}

const toPageCheck = (c: PageChecksTable): PageCheck => ({
  visit: c.visit, caseKey: c.case_key, caseNumber: c.case_number, caseKind: c.case_kind, unit: c.unit, officers: c.officers, url: c.url, at: c.at, findingsCount: c.findings_count,
});

export interface IngestResult {
  findings: { added: number; updated: number; unchanged: number };
  pageChecks: number;
}

/** One finding seen twice (two browsers, or a batch sent again): the newer change wins, histories join, sightings widen. */
function merge(before: FindingRow, incoming: FindingRow): FindingRow {
  const newer = incoming.updatedAt > before.updatedAt ? incoming : before;
  return {
    ...newer,
    firstSeen: Math.min(before.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(before.lastSeen, incoming.lastSeen),
    timesSeen: Math.max(before.timesSeen, incoming.timesSeen),
    history: withEvents(before.history, ...incoming.history),
  };
}

/** Merges one batch from a browser, all or nothing. */
export async function ingest(db: Kysely<HubSchema>, device: { id: number; unit: string }, batch: { findings: FindingRow[]; pageChecks: PageCheck[] }, now = Date.now()): Promise<IngestResult> {
  return db.transaction().execute(async (tx) => {
    const result: IngestResult = { findings: { added: 0, updated: 0, unchanged: 0 }, pageChecks: 0 };
    const keys = [...new Set(batch.findings.map((f) => f.key))];
    const existing = new Map<string, FindingRecord>();
    if (keys.length) {
      const rows = await tx.selectFrom('findings').selectAll().where('key', 'in', keys).forUpdate().execute();
      for (const r of rows) existing.set(r.key, r);
    }
    // New findings are inserted together (one statement); known ones merged one by one.
    const fresh = new Map<string, FindingRow>();
    for (const incoming of batch.findings) {
      const old = existing.get(incoming.key);
      if (!old) {
        const seen = fresh.get(incoming.key);
        fresh.set(incoming.key, seen ? merge(seen, incoming) : incoming);
        continue;
      }
      const before = toFindingRow(old);
      const merged = merge(before, incoming);
      if (JSON.stringify(merged) === JSON.stringify(before)) {
        result.findings.unchanged++;
        continue;
      }
      const record = toRecord(merged, old.device_id ?? device.id, now, device.unit);
      await tx.updateTable('findings').set(record).where('key', '=', incoming.key).execute();
      existing.set(incoming.key, { ...record, history: merged.history });
      result.findings.updated++;
    }
    if (fresh.size) {
      await tx.insertInto('findings').values([...fresh.values()].map((r) => toRecord(r, device.id, now, device.unit))).execute();
      result.findings.added += fresh.size;
    }
    for (const c of batch.pageChecks) {
      await tx
        .insertInto('page_checks')
        .values({ visit: c.visit, case_key: c.caseKey, case_number: c.caseNumber, case_kind: c.caseKind, unit: c.unit ?? device.unit, officers: c.officers, url: c.url, at: c.at, findings_count: c.findingsCount, device_id: device.id })
        .onConflict((oc) => oc.column('visit').doUpdateSet((eb) => ({ findings_count: eb.ref('excluded.findings_count'), officers: eb.ref('excluded.officers') })))
        .execute();
      result.pageChecks++;
    }
    return result;
  });
}

function scoped<O>(q: SelectQueryBuilder<HubSchema, 'findings', O>, scope: Scope): SelectQueryBuilder<HubSchema, 'findings', O> {
  let out = q;
  if (scope.unit !== undefined) out = out.where('unit', '=', scope.unit);
  if (scope.officer !== undefined) out = out.where(sql<boolean>`officers @> array[${scope.officer}]::text[]`);
  return out;
}

/** Report rows within a scope: the same selection as lib/reports/load.ts, on PostgreSQL indexes. */
export async function loadRange(
  db: Kysely<HubSchema>,
  scope: Scope,
  from: number,
  to: number,
  options: { open?: boolean; reviewedFrom?: number; checksFrom?: number } = {},
): Promise<LogData> {
  const base = () => scoped(db.selectFrom('findings').selectAll(), scope);
  const [seen, fixed, reviewed, open, checks] = await Promise.all([
    base().where('first_seen', '>=', from).where('first_seen', '<', to).execute(),
    base().where('fixed_at', '>=', from).where('fixed_at', '<', to).execute(),
    base().where('reviewed_at', '>=', options.reviewedFrom ?? from).where('reviewed_at', '<', to).execute(),
    options.open ? base().where('status', '=', 'open').execute() : Promise.resolve([]),
    (() => {
      let q = db.selectFrom('page_checks').selectAll().where('at', '>=', options.checksFrom ?? from).where('at', '<', to);
      if (scope.unit !== undefined) q = q.where('unit', '=', scope.unit);
      if (scope.officer !== undefined) q = q.where(sql<boolean>`officers @> array[${scope.officer}]::text[]`);
      return q.execute();
    })(),
  ]);
  const byKey = new Map<string, FindingRow>();
  for (const r of [...seen, ...fixed, ...reviewed, ...open]) byKey.set(r.key, toFindingRow(r));
  return { findings: [...byKey.values()], checks: checks.map(toPageCheck) };
}

export async function countNew(db: Kysely<HubSchema>, scope: Scope, periods: Period[]): Promise<NewCounts> {
  const counts = await Promise.all(
    periods.map((p) => scoped(db.selectFrom('findings').select((eb) => eb.fn.countAll<number>().as('n')), scope).where('first_seen', '>=', p.start).where('first_seen', '<', p.end).executeTakeFirstOrThrow()),
  );
  const byStart = new Map(periods.map((p, i) => [p.start, Number(counts[i]!.n)]));
  return (p) => byStart.get(p.start);
}

/** The rows of reports within a scope; `seen` collects the cases read, for the access log. */
export const reportSource = (db: Kysely<HubSchema>, scope: Scope, seen?: Set<string>): ReportSource => ({
  range: async (from, to, options) => {
    const data = await loadRange(db, scope, from, to, options);
    if (seen) for (const f of data.findings) seen.add(f.caseNumber);
    return data;
  },
  countNew: (periods) => countNew(db, scope, periods),
});

/** An officer's open findings across cases (点对点预警), newest first. */
export async function openFindingsOf(db: Kysely<HubSchema>, scope: Scope, limit = 200): Promise<FindingRow[]> {
  const rows = await scoped(db.selectFrom('findings').selectAll(), scope).where('status', '=', 'open').orderBy('first_seen', 'desc').limit(limit).execute();
  return rows.map(toFindingRow);
}

/**
 * The findings log's operations. The background calls the writers; extension pages read.
 * Dedup: one row per case + rule + field + row (unique index `key`), inside one IndexedDB
 * transaction per report, so several tabs or frames reporting at once never make duplicates.
 */
import type { CaseLintDb } from './database';
import { DismissalSchema, FindingRowSchema, PageCheckSchema, findingKey, type Dismissal, type FindingRow, type PageCheck, type Review } from './rows';
export { ReviewSchema, type Review } from './rows';
import { z } from '../../rules/zod';
import { formatPath } from '../../rules/pack';

export interface ReportedFinding {
  ruleId: string;
  fieldKey: string;
  severity: 'error' | 'warning' | 'info';
  kind: 'violation' | 'due-soon' | 'needs-review';
  message: string;
  basis: string;
  category: string;
  row?: number;
}

/** A page's result as the content script reports it, with who and what it concerns. */
export interface PageReport {
  /** One page load (a visit): repeated reports while typing count as one sighting. */
  visit: string;
  url: string;
  caseNumber: string | null;
  caseKind: string | null;
  unit: string | null;
  officers: string[];
  findings: ReportedFinding[];
  passed: string[];
}

export interface Reviewer {
  name: string | null;
  unit: string | null;
}

/** The case a page concerns: its case number, or its address when it shows none. */
export function caseKeyOf(caseNumber: string | null, url: string): string {
  if (caseNumber) return caseNumber;
  try {
    const u = new URL(url);
    return `页面:${u.origin}${u.pathname}`;
  } catch {
    return `页面:${url}`;
  }
}

export async function recordPage(db: CaseLintDb, report: PageReport, now: number, newId: () => string): Promise<{ dismissedRules: string[] }> {
  const caseKey = caseKeyOf(report.caseNumber, report.url);
  return db.transaction('rw', db.findings, db.dismissals, db.pageChecks, async () => {
    const dismissals = new Map((await db.dismissals.where('caseKey').equals(caseKey).toArray()).map((d) => [d.ruleId, d]));
    const existing = new Map((await db.findings.where('caseKey').equals(caseKey).toArray()).map((r) => [r.key, r]));
    const seen = new Set<string>();
    const checked = new Set([...report.passed, ...report.findings.map((f) => f.ruleId)]);
    for (const f of report.findings) {
      const key = findingKey(caseKey, f.ruleId, f.fieldKey, f.row);
      if (seen.has(key)) continue;
      seen.add(key);
      const dismissal = dismissals.get(f.ruleId);
      const old = existing.get(key);
      if (old) {
        const next: FindingRow = {
          ...old,
          severity: f.severity,
          kind: f.kind,
          message: f.message,
          basis: f.basis,
          category: f.category,
          pageUrl: report.url,
          unit: report.unit ?? old.unit,
          officers: report.officers.length ? report.officers : old.officers,
          caseKind: report.caseKind ?? old.caseKind,
          lastSeen: now,
          timesSeen: old.lastVisit === report.visit ? old.timesSeen : old.timesSeen + 1,
          lastVisit: report.visit,
        };
        if (old.status === 'fixed') {
          // The problem came back.
          next.status = 'open';
          next.fixedAt = null;
        }
        if (dismissal && next.status !== 'dismissed') {
          next.status = 'dismissed';
          next.dismissReason = dismissal.reason;
        }
        if (next.status !== old.status || old.lastVisit !== report.visit || next.message !== old.message) next.updatedAt = now;
        await db.findings.put(next);
      } else {
        await db.findings.add({
          id: newId(),
          key,
          caseNumber: report.caseNumber ?? '',
          caseKey,
          caseKind: report.caseKind,
          unit: report.unit,
          officers: report.officers,
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          kind: f.kind,
          fieldKey: f.fieldKey,
          row: f.row ?? null,
          message: f.message,
          basis: f.basis,
          pageUrl: report.url,
          firstSeen: now,
          lastSeen: now,
          timesSeen: 1,
          lastVisit: report.visit,
          status: dismissal ? 'dismissed' : 'open',
          fixedAt: null,
          reviewer: dismissal?.reviewer ?? null,
          reviewerUnit: null,
          subjectiveLevel: null,
          dismissReason: dismissal?.reason ?? null,
          note: null,
          updatedAt: now,
          reviewedAt: null,
        });
      }
    }
    // Findings of rules checked on this page that are no longer there were fixed: marked, never deleted.
    for (const [key, row] of existing) {
      if (seen.has(key) || !checked.has(row.ruleId) || row.fixedAt !== null) continue;
      if (row.status === 'open') await db.findings.update(row.id, { status: 'fixed', fixedAt: now, updatedAt: now });
      else if (row.status === 'confirmed') await db.findings.update(row.id, { fixedAt: now, updatedAt: now });
    }
    const prior = await db.pageChecks.where('visit').equals(report.visit).first();
    await db.pageChecks.put({
      ...(prior?.id !== undefined ? { id: prior.id } : {}),
      visit: report.visit,
      caseKey,
      caseNumber: report.caseNumber ?? '',
      caseKind: report.caseKind,
      unit: report.unit,
      officers: report.officers,
      url: report.url,
      at: prior?.at ?? now,
      findingsCount: seen.size,
    });
    return { dismissedRules: [...dismissals.keys()] };
  });
}


/** Confirm, dismiss (remembered for that case and rule) or reopen findings. */
export async function review(db: CaseLintDb, r: Review, reviewer: Reviewer, now: number): Promise<number> {
  return db.transaction('rw', db.findings, db.dismissals, async () => {
    const rows = (await db.findings.bulkGet(r.ids)).filter((x): x is FindingRow => !!x);
    for (const row of rows) {
      if (r.action === 'confirm') {
        await db.findings.update(row.id, {
          status: 'confirmed',
          subjectiveLevel: r.subjectiveLevel,
          note: r.note,
          dismissReason: null,
          reviewer: reviewer.name,
          reviewerUnit: reviewer.unit,
          updatedAt: now,
          reviewedAt: now,
        });
        await db.dismissals.delete([row.caseKey, row.ruleId]);
      } else if (r.action === 'dismiss') {
        await db.findings.update(row.id, {
          status: 'dismissed',
          dismissReason: r.reason,
          note: r.note,
          subjectiveLevel: null,
          reviewer: reviewer.name,
          reviewerUnit: reviewer.unit,
          updatedAt: now,
          reviewedAt: now,
        });
        await db.dismissals.put({ caseKey: row.caseKey, ruleId: row.ruleId, reason: r.reason, note: r.note, reviewer: reviewer.name, at: now });
      } else {
        await db.findings.update(row.id, { status: 'open', dismissReason: null, subjectiveLevel: null, fixedAt: null, reviewer: reviewer.name, reviewerUnit: reviewer.unit, updatedAt: now, reviewedAt: now });
        await db.dismissals.delete([row.caseKey, row.ruleId]);
      }
    }
    return rows.length;
  });
}

export const FINDINGS_FORMAT = 'caselint.findings/v1';
export const BACKUP_FORMAT = 'caselint.backup/v1';

/** contracts.md §5: one row per finding; `officer` is the officers joined for people who read the file. */
export function exportRow(row: FindingRow): FindingRow & { officer: string } {
  return { ...row, officer: row.officers.join('、') };
}

/** The findings (all, or those given) plus the pages checked, so merged reports keep their rates. */
export async function exportFindings(db: CaseLintDb, exporter: Reviewer, now: number, rows?: FindingRow[]) {
  const list = rows ?? (await db.findings.toArray());
  return { format: FINDINGS_FORMAT, exportedAt: now, exporter, findings: list.map(exportRow), pageChecks: await db.pageChecks.toArray() };
}

export async function backup(db: CaseLintDb, now: number) {
  return {
    format: BACKUP_FORMAT,
    exportedAt: now,
    findings: await db.findings.toArray(),
    dismissals: await db.dismissals.toArray(),
    pageChecks: await db.pageChecks.toArray(),
  };
}

const ImportRow = FindingRowSchema.extend({ officer: z.string().max(2000).optional() });
const FindingsFile = z.strictObject({
  format: z.literal(FINDINGS_FORMAT),
  exportedAt: z.number(),
  exporter: z.strictObject({ name: z.string().nullable(), unit: z.string().nullable() }).optional(),
  findings: z.array(ImportRow),
  pageChecks: z.array(PageCheckSchema).optional(),
});
const BackupFile = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  exportedAt: z.number(),
  findings: z.array(FindingRowSchema),
  dismissals: z.array(DismissalSchema),
  pageChecks: z.array(PageCheckSchema),
});

export type ImportResult = { ok: true; added: number; updated: number; unchanged: number } | { ok: false; errors: string[] };

/** Validates an export or a backup file; every error by path. Nothing is written unless all is valid. */
export function parseLogFile(input: unknown, now = Date.now()): { ok: true; file: z.infer<typeof FindingsFile> | z.infer<typeof BackupFile> } | { ok: false; errors: string[] } {
  const format = (input as { format?: unknown } | null)?.format;
  const schema = format === BACKUP_FORMAT ? BackupFile : FindingsFile;
  const r = schema.safeParse(input);
  if (!r.success) return { ok: false, errors: r.error.issues.slice(0, 50).map((i) => `${formatPath(i.path)}: ${i.message}`) };
  const errors = timeErrors(r.data, now);
  if (errors.length) return { ok: false, errors: errors.slice(0, 50) };
  return { ok: true, file: r.data };
}

/** The earliest time a row may carry: no case-handling system logged anything before. */
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * Times an imported file may not carry: before 2000 or more than a day ahead of this machine's
 * clock (a row "updated" in the future would win every later merge; year 275760 shows as
 * NaN-NaN-NaN), and a first sighting after the last.
 */
function timeErrors(file: z.infer<typeof FindingsFile> | z.infer<typeof BackupFile>, now: number): string[] {
  const latest = now + 86_400_000;
  const out: string[] = [];
  const check = (path: PropertyKey[], t: number | null | undefined) => {
    if (t !== null && t !== undefined && !(t >= EARLIEST && t <= latest)) out.push(`${formatPath(path)}: 时间超出范围（应在 2000 年至今之间）`);
  };
  file.findings.forEach((f, i) => {
    for (const k of ['firstSeen', 'lastSeen', 'fixedAt', 'updatedAt', 'reviewedAt'] as const) check(['findings', i, k], f[k]);
    if (f.firstSeen > f.lastSeen) out.push(`${formatPath(['findings', i, 'firstSeen'])}: 首次发现时间晚于最近发现时间`);
  });
  (file.pageChecks ?? []).forEach((p, i) => check(['pageChecks', i, 'at'], p.at));
  if ('dismissals' in file) file.dismissals.forEach((d, i) => check(['dismissals', i, 'at'], d.at));
  return out;
}

const REVIEW_FIELDS = ['status', 'fixedAt', 'reviewer', 'reviewerUnit', 'subjectiveLevel', 'dismissReason', 'note', 'reviewedAt'] as const;

/**
 * Merges an export or a backup: no duplicates (rows match by case + rule + field + row), and a
 * reviewer's edit is taken only when it is newer than ours.
 */
export async function importLog(db: CaseLintDb, input: unknown, newId: () => string): Promise<ImportResult> {
  const parsed = parseLogFile(input);
  if (!parsed.ok) return parsed;
  const file = parsed.file;
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  await db.transaction('rw', db.findings, db.dismissals, db.pageChecks, async () => {
    for (const incoming of file.findings) {
      const { officer: _officer, ...given } = incoming as typeof incoming & { officer?: string };
      // The key is what the row says it is about, never what the file claims (a mismatch would double).
      const row = { ...given, key: findingKey(given.caseKey, given.ruleId, given.fieldKey, given.row) };
      const old = await db.findings.where('key').equals(row.key).first();
      if (!old) {
        const clash = await db.findings.get(row.id);
        await db.findings.add({ ...row, id: clash ? newId() : row.id });
        added++;
        continue;
      }
      const next: FindingRow = {
        ...old,
        firstSeen: Math.min(old.firstSeen, row.firstSeen),
        lastSeen: Math.max(old.lastSeen, row.lastSeen),
        timesSeen: Math.max(old.timesSeen, row.timesSeen),
      };
      if (row.updatedAt > old.updatedAt) {
        for (const f of REVIEW_FIELDS) (next as Record<string, unknown>)[f] = row[f];
        next.updatedAt = row.updatedAt;
      }
      if (JSON.stringify(next) === JSON.stringify(old)) unchanged++;
      else {
        await db.findings.put(next);
        updated++;
      }
      if (next.status === 'dismissed' && next.dismissReason && row.updatedAt > old.updatedAt) {
        await db.dismissals.put({ caseKey: next.caseKey, ruleId: next.ruleId, reason: next.dismissReason, note: next.note, reviewer: next.reviewer, at: next.updatedAt });
      }
    }
    if ('dismissals' in file) {
      for (const d of file.dismissals) {
        const old = await db.dismissals.get([d.caseKey, d.ruleId]);
        if (!old || d.at > old.at) await db.dismissals.put(d);
      }
    }
    if (file.pageChecks) {
      for (const p of file.pageChecks) {
        const { id: _id, ...rest } = p;
        if (!(await db.pageChecks.where('visit').equals(p.visit).first())) await db.pageChecks.add(rest as PageCheck);
      }
    }
  });
  return { ok: true, added, updated, unchanged };
}

/** Keeps everything by default; with a number of days, deletes rows last seen before then. */
export async function applyRetention(db: CaseLintDb, days: number | null, now: number): Promise<number> {
  if (days === null || days <= 0) return 0;
  const cutoff = now - days * 86_400_000;
  return db.transaction('rw', db.findings, db.pageChecks, async () => {
    const n = await db.findings.where('lastSeen').below(cutoff).delete();
    await db.pageChecks.where('at').below(cutoff).delete();
    return n;
  });
}

export type { Dismissal, FindingRow, PageCheck };

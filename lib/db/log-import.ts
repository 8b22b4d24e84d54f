/**
 * Importing an export or a backup of the findings log, of any size (#16.2): the file is split into
 * its header and row lists where it was read (the log page), sent in chunks that the worker checks
 * by path and keeps in a staging store, and merged in one all-or-nothing transaction at the end.
 * A 100,000-row backup (≈ 150 MB) never travels as one message (Chromium's limit is 64 MiB).
 */
import type { CaseLintDb, ImportStaging } from './database';
import { documentOf } from './documents';
import { DismissalSchema, FindingRowSchema, PageCheckSchema, findingKey, historyFromFields, withEvents, type Dismissal, type FindingRow, type PageCheck } from './rows';
import { z } from '../../rules/zod';
import { formatPath } from '../../rules/pack';

export const FINDINGS_FORMAT = 'caselint.findings/v1';
export const BACKUP_FORMAT = 'caselint.backup/v1';

/** Rows per message: a row is at most ≈ 13 KB by its schema, so a chunk stays far below the message limit. */
export const IMPORT_CHUNK_ROWS = 1000;
/** Errors shown for one file: enough to see the pattern, never a wall. */
const MAX_ERRORS = 50;
/** Staging left behind by an import that never finished (tab closed) is removed after a day. */
const STALE_STAGING_MS = 86_400_000;

export const LOG_PARTS = ['findings', 'dismissals', 'pageChecks'] as const;
export type LogPart = (typeof LOG_PARTS)[number];

const Exporter = z.strictObject({ name: z.string().max(100).nullable(), unit: z.string().max(200).nullable() });
export const LogFileHeaderSchema = z.strictObject({
  format: z.enum([FINDINGS_FORMAT, BACKUP_FORMAT]),
  exportedAt: z.number(),
  exporter: Exporter.optional(),
});
export type LogFileHeader = z.infer<typeof LogFileHeaderSchema>;

const rowList = z.array(z.unknown());
/** The file around its rows: an export has findings (and pages checked); a backup has all three lists. */
const FindingsFileShape = z.strictObject({ format: z.literal(FINDINGS_FORMAT), exportedAt: z.number(), exporter: Exporter.optional(), findings: rowList, pageChecks: rowList.optional() });
const BackupFileShape = z.strictObject({ format: z.literal(BACKUP_FORMAT), exportedAt: z.number(), findings: rowList, dismissals: rowList, pageChecks: rowList });

export type LogFileParts = { header: LogFileHeader; parts: Record<LogPart, unknown[]> };
type Problems = { ok: false; errors: string[] };

const issuesByPath = (issues: readonly { path: PropertyKey[]; message: string }[], prefix: PropertyKey[] = []) =>
  issues.slice(0, MAX_ERRORS).map((i) => `${formatPath([...prefix, ...i.path])}: ${i.message}`);

/** Checks the file's shape around its rows (the rows are checked chunk by chunk) and splits it. */
export function splitLogFile(input: unknown): ({ ok: true } & LogFileParts) | Problems {
  const format = (input as { format?: unknown } | null)?.format;
  const r = (format === BACKUP_FORMAT ? BackupFileShape : FindingsFileShape).safeParse(input);
  if (!r.success) return { ok: false, errors: issuesByPath(r.error.issues) };
  const f = r.data as z.infer<typeof FindingsFileShape> & { dismissals?: unknown[] };
  return {
    ok: true,
    header: { format: f.format, exportedAt: f.exportedAt, ...(f.exporter ? { exporter: f.exporter } : {}) },
    parts: { findings: f.findings, dismissals: f.dismissals ?? [], pageChecks: f.pageChecks ?? [] },
  };
}

/** An export's rows carry `officer` (the officers joined, for people reading the file). */
const ExportedFindingSchema = FindingRowSchema.extend({ officer: z.string().max(2000).optional() });

/** The earliest time a row may carry: no case-handling system logged anything before. */
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * Times a row may not carry: before 2000 or more than a day ahead of this machine's clock (a row
 * "updated" in the future would win every later merge; year 275760 shows as NaN-NaN-NaN), and a
 * first sighting after the last.
 */
function timeErrors(part: LogPart, index: number, row: Record<string, unknown>, now: number): string[] {
  const latest = now + 86_400_000;
  const out: string[] = [];
  const fields = part === 'findings' ? ['firstSeen', 'lastSeen', 'fixedAt', 'updatedAt', 'reviewedAt'] : ['at'];
  for (const k of fields) {
    const t = row[k] as number | null | undefined;
    if (t !== null && t !== undefined && !(t >= EARLIEST && t <= latest)) out.push(`${formatPath([part, index, k])}: 时间超出范围（应在 2000 年至今之间）`);
  }
  if (part === 'findings' && (row.firstSeen as number) > (row.lastSeen as number)) out.push(`${formatPath([part, index, 'firstSeen'])}: 首次发现时间晚于最近发现时间`);
  return out;
}

export type StagedRow = FindingRow | Dismissal | PageCheck;

/**
 * Checks one chunk of rows, by their path in the whole file (`findings[41234].lastSeen`). A
 * finding's key is recomputed from what the row says it is about: a file's claim would double it.
 */
export function checkRows(format: LogFileHeader['format'], part: LogPart, offset: number, rows: unknown[], now: number): { ok: true; rows: StagedRow[] } | Problems {
  const schema = part === 'findings' ? (format === BACKUP_FORMAT ? FindingRowSchema : ExportedFindingSchema) : part === 'dismissals' ? DismissalSchema : PageCheckSchema;
  if (part === 'dismissals' && format !== BACKUP_FORMAT && rows.length) return { ok: false, errors: ['dismissals: 导出文件不含排除记录（仅备份文件含有）'] };
  const errors: string[] = [];
  const out: StagedRow[] = [];
  for (let i = 0; i < rows.length && errors.length < MAX_ERRORS; i++) {
    const r = schema.safeParse(rows[i]);
    if (!r.success) {
      errors.push(...issuesByPath(r.error.issues, [part, offset + i]));
      continue;
    }
    const row = r.data as Record<string, unknown>;
    errors.push(...timeErrors(part, offset + i, row, now));
    if (part === 'findings') {
      const { officer: _officer, ...finding } = row as FindingRow & { officer?: string };
      // Files written before documents and histories were kept: both told from the row's own fields.
      const document = finding.document || documentOf(finding.pageUrl, finding.caseNumber || null);
      const history = finding.history.length ? finding.history : historyFromFields(finding);
      out.push({ ...finding, document, history, key: findingKey(finding.caseKey, document, finding.ruleId, finding.fieldKey, finding.row) });
    } else out.push(row as StagedRow);
  }
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, rows: out };
}

/** Starts an import: a staging id under which the chunks are kept until the merge. */
export async function beginImport(db: CaseLintDb, header: LogFileHeader, now: number, newId: () => string): Promise<string> {
  const stagingId = newId();
  await db.transaction('rw', db.importStaging, async () => {
    await db.importStaging.where('createdAt').below(now - STALE_STAGING_MS).delete();
    await db.importStaging.add({ stagingId, part: 'header', offset: 0, rows: [header], createdAt: now } as ImportStaging);
  });
  return stagingId;
}

async function headerOf(db: CaseLintDb, stagingId: string): Promise<LogFileHeader | undefined> {
  const first = await db.importStaging.where('stagingId').equals(stagingId).first();
  return first?.part === 'header' ? (first.rows[0] as LogFileHeader) : undefined;
}

const GONE = '导入已中断或已过期（暂存的数据不存在），请重新导入。未导入任何数据。';

/** Checks a chunk and keeps it in the staging store; the log itself is untouched until the merge. */
export async function stageRows(db: CaseLintDb, stagingId: string, part: LogPart, offset: number, rows: unknown[], now: number): Promise<{ ok: true } | Problems> {
  const header = await headerOf(db, stagingId);
  if (!header) return { ok: false, errors: [GONE] };
  const checked = checkRows(header.format, part, offset, rows, now);
  if (!checked.ok) return checked;
  await db.importStaging.add({ stagingId, part, offset, rows: checked.rows, createdAt: now } as ImportStaging);
  return { ok: true };
}

export async function abortImport(db: CaseLintDb, stagingId: string): Promise<void> {
  await db.importStaging.where('stagingId').equals(stagingId).delete();
}

export type ImportResult = { ok: true; added: number; updated: number; unchanged: number } | Problems;

const REVIEW_FIELDS = ['status', 'fixedAt', 'reviewer', 'reviewerUnit', 'subjectiveLevel', 'dismissReason', 'note', 'reviewedAt'] as const;

/**
 * Merges everything staged under `stagingId` in one transaction — all or nothing: no duplicates
 * (rows match by case + rule + field + row), and a reviewer's edit is taken only when it is newer
 * than ours. The staging is removed with the merge.
 */
export async function commitImport(db: CaseLintDb, stagingId: string, newId: () => string): Promise<ImportResult> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const found = await db.transaction('rw', [db.findings, db.dismissals, db.pageChecks, db.importStaging], async () => {
    const seqs = (await db.importStaging.where('stagingId').equals(stagingId).primaryKeys()).sort((a, b) => (a ?? 0) - (b ?? 0));
    if (!seqs.length) return false;
    // A restore into an empty log knows every row it wrote: no lookups in the store.
    const written: Written | undefined = (await db.findings.count()) === 0 ? { keys: new Map(), ids: new Set() } : undefined;
    for (const seq of seqs) {
      const chunk = await db.importStaging.get(seq);
      if (!chunk || chunk.part === 'header') continue;
      if (chunk.part === 'findings') await mergeFindings(db, chunk.rows as FindingRow[], counts, newId, written);
      else if (chunk.part === 'dismissals') await mergeDismissals(db, chunk.rows as Dismissal[]);
      else await mergePageChecks(db, chunk.rows as PageCheck[]);
    }
    await db.importStaging.bulkDelete(seqs as number[]);
    return true;
  });
  return found ? { ok: true, ...counts } : { ok: false, errors: [GONE] };
}

/** The keys and ids a merge into an empty log has written so far. */
type Written = { keys: Map<string, string>; ids: Set<string> };

async function mergeFindings(db: CaseLintDb, rows: FindingRow[], counts: { added: number; updated: number; unchanged: number }, newId: () => string, written?: Written) {
  let known: Map<string, FindingRow>;
  let takenIds: Set<string>;
  if (written) {
    const again = [...new Set(rows.flatMap((r) => (written.keys.has(r.key) ? [written.keys.get(r.key)!] : [])))];
    known = new Map((again.length ? await db.findings.bulkGet(again) : []).flatMap((r) => (r ? [[r.key, r] as const] : [])));
    takenIds = written.ids;
  } else {
    known = new Map((await db.findings.where('key').anyOf(rows.map((r) => r.key)).toArray()).map((r) => [r.key, r]));
    takenIds = new Set((await db.findings.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r ? [r.id] : [])));
  }
  const writes = new Map<string, FindingRow>();
  const dismissals: Dismissal[] = [];
  for (const row of rows) {
    const old = writes.get(row.key) ?? known.get(row.key);
    if (!old) {
      const id = takenIds.has(row.id) ? newId() : row.id;
      takenIds.add(id);
      writes.set(row.key, { ...row, id });
      counts.added++;
      continue;
    }
    const next: FindingRow = {
      ...old,
      firstSeen: Math.min(old.firstSeen, row.firstSeen),
      lastSeen: Math.max(old.lastSeen, row.lastSeen),
      timesSeen: Math.max(old.timesSeen, row.timesSeen),
      history: withEvents(old.history, ...row.history),
    };
    const newer = row.updatedAt > old.updatedAt;
    if (newer) {
      for (const f of REVIEW_FIELDS) (next as Record<string, unknown>)[f] = row[f];
      next.updatedAt = row.updatedAt;
    }
    if (JSON.stringify(next) === JSON.stringify(old)) counts.unchanged++;
    else {
      writes.set(row.key, next);
      counts.updated++;
    }
    if (newer && next.status === 'dismissed' && next.dismissReason) {
      dismissals.push({ caseKey: next.caseKey, ruleId: next.ruleId, reason: next.dismissReason, note: next.note, reviewer: next.reviewer, at: next.updatedAt });
    }
  }
  await db.findings.bulkPut([...writes.values()]);
  if (written) for (const w of writes.values()) written.keys.set(w.key, w.id);
  if (dismissals.length) await db.dismissals.bulkPut(dismissals);
}

async function mergeDismissals(db: CaseLintDb, rows: Dismissal[]) {
  const old = await db.dismissals.bulkGet(rows.map((d) => [d.caseKey, d.ruleId] as [string, string]));
  const newer = new Map<string, Dismissal>();
  rows.forEach((d, i) => {
    const id = `${d.caseKey}\u0000${d.ruleId}`;
    const current = newer.get(id) ?? old[i];
    if (!current || d.at > current.at) newer.set(id, d);
  });
  await db.dismissals.bulkPut([...newer.values()]);
}

async function mergePageChecks(db: CaseLintDb, rows: PageCheck[]) {
  const known = new Set((await db.pageChecks.where('visit').anyOf(rows.map((p) => p.visit)).toArray()).map((p) => p.visit));
  const fresh: PageCheck[] = [];
  for (const { id: _id, ...p } of rows) {
    if (known.has(p.visit)) continue;
    known.add(p.visit);
    fresh.push(p as PageCheck);
  }
  await db.pageChecks.bulkAdd(fresh);
}

/** The chunks a file is sent in, in order: each part cut at IMPORT_CHUNK_ROWS. */
export function* chunksOf(parts: Record<LogPart, unknown[]>, size = IMPORT_CHUNK_ROWS): Generator<{ part: LogPart; offset: number; rows: unknown[] }> {
  for (const part of LOG_PARTS) for (let offset = 0; offset < parts[part].length; offset += size) yield { part, offset, rows: parts[part].slice(offset, offset + size) };
}

/** Imports a whole file held in memory (tests, a restore from an automatic backup): the same path as the log page's. */
export async function importLog(db: CaseLintDb, input: unknown, newId: () => string, now = Date.now()): Promise<ImportResult> {
  const split = splitLogFile(input);
  if (!split.ok) return split;
  const stagingId = await beginImport(db, split.header, now, newId);
  try {
    for (const c of chunksOf(split.parts)) {
      const r = await stageRows(db, stagingId, c.part, c.offset, c.rows, now);
      if (!r.ok) {
        await abortImport(db, stagingId);
        return r;
      }
    }
    return await commitImport(db, stagingId, newId);
  } catch (e) {
    await abortImport(db, stagingId).catch(() => {});
    throw e;
  }
}

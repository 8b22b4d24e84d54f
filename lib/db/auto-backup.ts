/**
 * Automatic rolling backups of the findings log and the count of rows it should hold (#16.1).
 *
 * The backups live in the extension's storage.local, not beside the log: Chromium keeps all of
 * an origin's IndexedDB databases in one store and, when a full disk damaged it, discarded the
 * store whole (rows 3001 → 0, in 2 of 4 runs); storage.local is a separate store. One backup a day,
 * the newest seven kept, gzip-compressed (≈ 10 × smaller) and cut into parts of at most 8 MB.
 *
 * The expected row count is kept there too, apart from the log: a log that opens with fewer rows
 * than expected lost them (only a retention period deletes rows, and it lowers the count), and the
 * log page and the popup say so loudly and offer the latest backup.
 */
import { zhTr, type Tr } from '../i18n/tr';
import { z } from '../../rules/zod';
import type { CaseLintDb } from './database';
import { backup } from './repository';

export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const BACKUPS_KEPT = 7;
const PART_CHARS = 8 * 1024 * 1024;
const INDEX_KEY = 'autoBackup:index';
const EXPECTED_KEY = 'log:expectedRows';
const partKey = (id: string, n: number) => `autoBackup:${id}:${n}`;

export const AutoBackupSchema = z.strictObject({
  id: z.string().max(64),
  /** The day it was made, in Beijing time (one backup per day is kept). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  at: z.number(),
  rows: z.number().int().nonnegative(),
  /** Characters stored (base64 of the gzip, or the JSON where the browser cannot compress). */
  size: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
  encoding: z.enum(['gzip-base64', 'json']),
});
export type AutoBackup = z.infer<typeof AutoBackupSchema>;
const IndexSchema = z.array(AutoBackupSchema);

export const ExpectedRowsSchema = z.strictObject({ rows: z.number().int().nonnegative(), at: z.number() });
export type ExpectedRows = z.infer<typeof ExpectedRowsSchema>;

export const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export async function listBackups(area: StorageArea): Promise<AutoBackup[]> {
  const r = IndexSchema.safeParse((await area.get(INDEX_KEY))[INDEX_KEY] ?? []);
  return r.success ? r.data.sort((a, b) => b.at - a.at) : [];
}

/** Whether today's backup (Beijing day) is still to be made. */
export async function backupDue(area: StorageArea, now: number): Promise<boolean> {
  return !(await listBackups(area)).some((b) => b.day === beijingDay(now));
}

const hasCompression = () => typeof (globalThis as { CompressionStream?: unknown }).CompressionStream === 'function';

async function gzipBase64(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function gunzipBase64(text: string): Promise<string> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/**
 * Writes a backup of the whole log and keeps one per day, the newest seven. The new parts are
 * written before the index names them, and older backups are removed only after: a write that
 * fails (full disk) leaves the earlier backups as they were.
 */
export async function writeBackup(db: CaseLintDb, area: StorageArea, now: number, id = `${now}`): Promise<AutoBackup> {
  const file = await backup(db, now);
  const json = JSON.stringify(file);
  const encoding = hasCompression() ? 'gzip-base64' : 'json';
  const stored = encoding === 'gzip-base64' ? await gzipBase64(json) : json;
  const parts = Math.max(1, Math.ceil(stored.length / PART_CHARS));
  const items: Record<string, string> = {};
  for (let n = 0; n < parts; n++) items[partKey(id, n)] = stored.slice(n * PART_CHARS, (n + 1) * PART_CHARS);
  await area.set(items);
  const entry: AutoBackup = { id, day: beijingDay(now), at: now, rows: file.findings.length, size: stored.length, parts, encoding };
  const before = await listBackups(area);
  const kept = [entry, ...before.filter((b) => b.day !== entry.day && b.id !== id)].slice(0, BACKUPS_KEPT);
  await area.set({ [INDEX_KEY]: kept });
  const dropped = before.filter((b) => !kept.some((k) => k.id === b.id));
  const stale = dropped.flatMap((b) => Array.from({ length: b.parts }, (_, n) => partKey(b.id, n)));
  if (stale.length) await area.remove(stale);
  return entry;
}

/** A stored backup as the file "备份全部台账" writes, ready for the import. */
export async function readBackup(area: StorageArea, id: string): Promise<unknown> {
  const entry = (await listBackups(area)).find((b) => b.id === id);
  if (!entry) throw new Error(`自动备份 ${id} 不存在`);
  const keys = Array.from({ length: entry.parts }, (_, n) => partKey(id, n));
  const got = await area.get(keys);
  const missing = keys.filter((k) => typeof got[k] !== 'string');
  if (missing.length) throw new Error(`自动备份（${entry.day}）不完整：缺少 ${missing.length} 部分`);
  const stored = keys.map((k) => got[k] as string).join('');
  return JSON.parse(entry.encoding === 'gzip-base64' ? await gunzipBase64(stored) : stored);
}

export async function readExpectedRows(area: StorageArea): Promise<ExpectedRows | null> {
  const r = ExpectedRowsSchema.safeParse((await area.get(EXPECTED_KEY))[EXPECTED_KEY]);
  return r.success ? r.data : null;
}

/**
 * The expected count follows every write that adds or deletes rows, by what that write did —
 * never simply recounted from the log, which may be the one that lost rows (a recount on the next
 * page report would accept the loss silently). Updates run one at a time.
 */
let updating: Promise<unknown> = Promise.resolve();
function update(area: StorageArea, next: (expected: ExpectedRows | null) => Promise<number>, now: number): Promise<void> {
  const run = updating.then(async () => area.set({ [EXPECTED_KEY]: { rows: await next(await readExpectedRows(area)), at: now } satisfies ExpectedRows }));
  updating = run.catch(() => undefined);
  return run;
}

/**
 * After a page report, an import or a restore added `added` rows. A log that held what it should
 * before gains them; a log short of rows (a loss) may be getting its own rows back: its expected
 * count stays, so the alert goes only when all the rows are back. The first time, the log is counted.
 */
export function noteRowsAdded(db: CaseLintDb, area: StorageArea, added: number, now: number): Promise<void> {
  return update(area, async (expected) => {
    const count = await db.findings.count();
    if (!expected) return count;
    return count - added >= expected.rows ? expected.rows + added : Math.max(expected.rows, count);
  }, now);
}

/** After a retention period deleted `deleted` rows. */
export function noteRowsDeleted(db: CaseLintDb, area: StorageArea, deleted: number, now: number): Promise<void> {
  return update(area, async (expected) => (expected ? Math.max(0, expected.rows - deleted) : db.findings.count()), now);
}

/** The user saw a loss and chose not to restore: what the log holds now is what it should hold. */
export function acceptRowCount(db: CaseLintDb, area: StorageArea, now: number): Promise<void> {
  return update(area, () => db.findings.count(), now);
}

export const LogHealthSchema = z.union([
  z.strictObject({ ok: z.literal(true), rows: z.number(), backups: z.array(AutoBackupSchema) }),
  z.strictObject({
    ok: z.literal(false),
    expected: z.number(),
    found: z.number().nullable(),
    error: z.string().nullable(),
    since: z.number(),
    backups: z.array(AutoBackupSchema),
  }),
]);
export type LogHealth = z.infer<typeof LogHealthSchema>;

/** Compares the log with the row count kept apart; a log that cannot open or holds fewer rows lost them. */
export async function logHealth(db: CaseLintDb, area: StorageArea): Promise<LogHealth> {
  const expected = await readExpectedRows(area);
  let found: number | null = null;
  let error: string | null = null;
  try {
    found = await db.findings.count();
  } catch (e) {
    error = (e as Error)?.message ?? String(e);
  }
  const backups = await listBackups(area);
  if (found !== null && (!expected || found >= expected.rows)) return { ok: true, rows: found, backups };
  return { ok: false, expected: expected?.rows ?? 0, found, error, since: expected?.at ?? 0, backups };
}

/** What the log page and the popup say when rows were lost (loud, in Chinese). */
export function lossMessage(h: Extract<LogHealth, { ok: false }>, tr: Tr = zhTr): string {
  const now =
    h.found === null
      ? tr(`问题台账无法打开（${h.error ?? '未知错误'}）`, `the findings log cannot be opened (${h.error ?? 'unknown error'})`)
      : tr(`问题台账现仅有 ${h.found} 条记录`, `the findings log now holds only ${h.found} rows`);
  return tr(
    `⚠ 数据可能已丢失：${now}，而此前应有 ${h.expected} 条。常见原因是磁盘空间不足时浏览器丢弃了损坏的数据库。${h.backups.length ? '可从最近的自动备份恢复。' : '本机没有自动备份；如有“备份全部台账”导出的文件，请导入恢复。'}`,
    `⚠ Data may have been lost: ${now}, where there should be ${h.expected}. The usual cause is a full disk, after which the browser dropped the damaged database. ${h.backups.length ? 'You can restore the latest automatic backup.' : 'There is no automatic backup on this computer; if you have a file from "Back up the whole log", import it.'}`,
  );
}

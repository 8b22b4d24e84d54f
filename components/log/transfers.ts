/**
 * Moving findings into the log: an import of any size (checked and staged chunk by chunk with
 * progress, then merged all or nothing), a restore from an automatic backup, accepting a smaller
 * log. Every outcome names the file and says whether anything was imported.
 */
import { chunksOf, splitLogFile } from '../../lib/db/log-import';
import type { Tr } from '../../lib/i18n/tr';
import { request } from '../../lib/messaging/request';
import { failureText, type LogMessage } from './failure';

export interface Progress {
  file: string;
  done: number;
  total: number;
  merging: boolean;
}

export interface TransferContext {
  send: (message: unknown) => Promise<unknown>;
  tr: Tr;
  say: (message: LogMessage | null) => void;
  progress: (p: Progress | null) => void;
}

const counts = (tr: Tr, r: { added: number; updated: number; unchanged: number }) =>
  tr(`新增 ${r.added} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条`, `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`);

export async function importFile(file: File, ctx: TransferContext): Promise<void> {
  const { send, tr, say, progress } = ctx;
  const named = (zh: string, en: string) => tr(`“${file.name}”${zh}`, `"${file.name}": ${en}`);
  const nothing = (why: string) => named(`导入未完成：${why}。未导入任何数据。`, `not imported: ${why}. Nothing was imported.`);
  const retry = () => void importFile(file, ctx);
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return say({ kind: 'error', text: named('不是有效的 JSON 文件，未导入任何数据。', 'not a valid JSON file; nothing was imported.') });
  }
  const split = splitLogFile(data);
  data = undefined;
  const badFormat = named('格式不正确，未导入任何数据：', 'the format is wrong; nothing was imported:');
  if (!split.ok) return say({ kind: 'error', text: badFormat, details: split.errors });
  const total = split.parts.findings.length + split.parts.dismissals.length + split.parts.pageChecks.length;
  say(null);
  progress({ file: file.name, done: 0, total, merging: false });
  let stagingId: string | null = null;
  try {
    const begun = await request(send, 'ui-bg:import-begin', { header: split.header, bytes: file.size });
    if (!begun.ok) return say({ kind: 'error', text: named(`未导入：${begun.error}`, `not imported: ${begun.error}`) });
    stagingId = begun.stagingId;
    let done = 0;
    for (const chunk of chunksOf(split.parts)) {
      const r = await request(send, 'ui-bg:import-chunk', { stagingId, ...chunk });
      if (!r.ok) {
        void request(send, 'ui-bg:import-abort', { stagingId }).catch(() => {});
        return 'errors' in r ? say({ kind: 'error', text: badFormat, details: r.errors }) : say({ kind: 'error', text: nothing(r.error), retry });
      }
      done += chunk.rows.length;
      progress({ file: file.name, done, total, merging: false });
    }
    progress({ file: file.name, done, total, merging: true });
    const r = await request(send, 'ui-bg:import-commit', { stagingId });
    if (r.ok) say({ kind: 'ok', text: named(`导入完成：${counts(tr, r)}。`, `imported: ${counts(tr, r)}.`) });
    else if ('errors' in r) say({ kind: 'error', text: named('导入未完成，未导入任何数据：', 'not imported; nothing was imported:'), details: r.errors, retry });
    else say({ kind: 'error', text: nothing(r.error), retry });
  } catch (e) {
    if (stagingId) void request(send, 'ui-bg:import-abort', { stagingId }).catch(() => {});
    say({ kind: 'error', text: nothing(failureText(e, tr)), retry });
  } finally {
    progress(null);
  }
}

/** Merges an automatic backup back (the same merge as an import); the alert goes when the rows are back. */
export async function restoreBackup(id: string, label: string, ctx: TransferContext): Promise<void> {
  const { send, tr, say, progress } = ctx;
  const retry = () => void restoreBackup(id, label, ctx);
  const failed = (why: string) => tr(`从${label}恢复未完成：${why}。台账未改变。`, `Restoring ${label} did not finish: ${why}. The log is unchanged.`);
  progress({ file: label, done: 0, total: 0, merging: true });
  try {
    const r = await request(send, 'ui-bg:restore-backup', { id });
    if (r.ok) say({ kind: 'ok', text: tr(`已从${label}恢复：${counts(tr, r)}。`, `Restored from ${label}: ${counts(tr, r)}.`) });
    else say({ kind: 'error', text: failed('errors' in r ? r.errors.join(tr('；', '; ')) : r.error), retry });
  } catch (e) {
    say({ kind: 'error', text: failed(failureText(e, tr)), retry });
  } finally {
    progress(null);
  }
}

export async function acceptLoss(ctx: TransferContext): Promise<void> {
  try {
    const r = await request(ctx.send, 'ui-bg:accept-log-count', {});
    if (!r.ok) ctx.say({ kind: 'error', text: r.error });
  } catch (e) {
    ctx.say({ kind: 'error', text: ctx.tr(`操作未完成：${failureText(e, ctx.tr)}。`, `Not done: ${failureText(e, ctx.tr)}.`) });
  }
}

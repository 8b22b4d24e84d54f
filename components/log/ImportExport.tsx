/** 导出、备份与导入: the filtered findings as JSON, CSV or Excel (with their review history), a full backup, an import, and the automatic backups. */
import { BACKUPS_KEPT, type LogHealth } from '../../lib/db/auto-backup';
import { beijingTime } from '../../lib/db/csv';
import { useTr } from '../locale';

export const backupLabel = (b: { at: number }, tr: (zh: string, en: string) => string) => tr(`自动备份 ${beijingTime(b.at).slice(0, 16)}`, `the automatic backup of ${beijingTime(b.at).slice(0, 16)}`);

export function ImportExport({
  health,
  busy,
  onExport,
  onBackup,
  onImport,
}: {
  health: LogHealth | null;
  busy: boolean;
  onExport: (format: 'json' | 'csv' | 'xlsx') => void;
  onBackup: () => void;
  onImport: (file: File) => void;
}) {
  const tr = useTr();
  return (
    <section class="card io" aria-label={tr('导出与备份', 'Export and backup')}>
      <h2>{tr('导出、备份与导入', 'Export, backup and import')}</h2>
      <button type="button" onClick={() => onExport('json')}>
        {tr('导出筛选结果（JSON）', 'Export the filtered findings (JSON)')}
      </button>
      <button type="button" onClick={() => onExport('csv')}>
        {tr('导出筛选结果（CSV）', 'Export the filtered findings (CSV)')}
      </button>
      <button type="button" onClick={() => onExport('xlsx')}>
        {tr('导出筛选结果（Excel，含审核记录）', 'Export the filtered findings (Excel, with the review history)')}
      </button>
      <button type="button" onClick={onBackup}>
        {tr('备份全部台账', 'Back up the whole log')}
      </button>
      <label class="file">
        {tr('导入/恢复（合并，不重复、不覆盖更新的修改）：', 'Import / restore (merged: no duplicates, newer changes kept): ')}
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) onImport(f);
            (e.target as HTMLInputElement).value = '';
          }}
        />
      </label>
      <p class="muted auto-backups" data-testid="auto-backups">
        {tr(
          `自动备份（每日一次，保留最近 ${BACKUPS_KEPT} 天，存于浏览器扩展存储，与台账分开）：`,
          `Automatic backups (daily, the last ${BACKUPS_KEPT} days, in the extension's storage apart from the log): `,
        )}
        {health && health.backups.length ? health.backups.map((b) => tr(`${backupLabel(b, tr)}（${b.rows} 条）`, `${beijingTime(b.at).slice(0, 16)} (${b.rows} rows)`)).join(tr('；', '; ')) : tr('尚无', 'none yet')}
      </p>
    </section>
  );
}

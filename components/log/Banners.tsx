/** What the log page has to say: a log that lost rows (with its backups), an import's progress, the last storage error, the last action's outcome. */
import { lossMessage, type LogHealth } from '../../lib/db/auto-backup';
import { beijingTime } from '../../lib/db/csv';
import { useTr, Zh } from '../locale';
import type { LogMessage } from './failure';
import { backupLabel } from './ImportExport';
import type { Progress } from './transfers';

export function Banners({
  health,
  progress,
  lastError,
  message,
  onRestore,
  onAcceptLoss,
  onClearError,
}: {
  health: LogHealth | null;
  progress: Progress | null;
  lastError: { message: string; at: number } | null;
  message: LogMessage | null;
  onRestore: (id: string, label: string) => void;
  onAcceptLoss: () => void;
  onClearError: () => void;
}) {
  const tr = useTr();
  return (
    <>
      {health && !health.ok && 'expected' in health ? (
        <div class="banner error loss" role="alert" data-testid="log-loss">
          <strong>{lossMessage(health, tr)}</strong>
          <div class="actions">
            {health.backups.map((b) => (
              <button type="button" key={b.id} class={b === health.backups[0] ? 'primary' : ''} disabled={!!progress} onClick={() => onRestore(b.id, backupLabel(b, tr))}>
                {tr(`从${backupLabel(b, tr)}恢复（${b.rows} 条）`, `Restore ${backupLabel(b, tr)} (${b.rows} rows)`)}
              </button>
            ))}
            <button type="button" disabled={!!progress} onClick={onAcceptLoss}>
              {tr(`不恢复，以现有 ${health.found ?? 0} 条为准`, `Do not restore; keep the ${health.found ?? 0} rows there are`)}
            </button>
          </div>
        </div>
      ) : null}
      {progress ? (
        <div class="banner status progress" role="status" aria-live="polite">
          {progress.merging
            ? tr(`正在合并“${progress.file}”（全部成功才写入）…`, `Merging "${progress.file}" (written only if all of it succeeds)…`)
            : tr(`正在校验“${progress.file}”：${progress.done} / ${progress.total} 条`, `Checking "${progress.file}": ${progress.done} / ${progress.total} rows`)}
          <progress max={progress.merging ? undefined : progress.total} value={progress.merging ? undefined : progress.done} />
        </div>
      ) : null}
      {lastError ? (
        <div class="banner error" role="alert">
          ⚠ <Zh text={lastError.message} />
          {tr(`（${beijingTime(lastError.at)}）`, ` (${beijingTime(lastError.at)})`)}{' '}
          <button type="button" onClick={onClearError}>
            {tr('知道了', 'Dismiss')}
          </button>
        </div>
      ) : null}
      {message ? (
        <div class={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <Zh text={message.text} />
          {message.details ? (
            <ul class="errors">
              {message.details.map((d) => (
                <li key={d}>
                  <Zh text={d} />
                </li>
              ))}
            </ul>
          ) : null}
          {message.retry ? (
            <button type="button" class="retry" onClick={message.retry}>
              {tr('重试', 'Retry')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

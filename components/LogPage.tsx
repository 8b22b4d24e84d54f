/**
 * The findings log page (执法问题台账): search, filter, sort and page through every logged
 * finding; confirm (with the subjective level), dismiss (with a reason) or reopen in bulk; export,
 * back up, import and restore; the reviewer's own name and unit. Reads IndexedDB directly; every
 * write goes through the background, the log's only writer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { beijingTime } from '../lib/db/csv';
import { exportFileName } from '../lib/exports/file-name';
import { findingsCsv, findingsDoc } from '../lib/exports/findings';
import { docXlsx } from '../lib/exports/xlsx';
import type { CaseLintDb } from '../lib/db/database';
import { allMatching, countLog, distinct, queryLog, type LogFilter, type LogQuery, type SortKey } from '../lib/db/query';
import { backup, exportFindings } from '../lib/db/repository';
import { chunksOf, splitLogFile } from '../lib/db/log-import';
import { BACKUPS_KEPT, lossMessage, type LogHealth } from '../lib/db/auto-backup';
import { DISMISS_LABELS, DISMISS_REASONS, EVENT_LABELS, STATUS_LABELS, STATUSES, SUBJECTIVE_LEVELS, type FindingEvent, type FindingRow } from '../lib/db/rows';
import { request } from '../lib/messaging/protocol';
import { lastErrorItem, type Settings } from '../lib/settings/settings';
import { readSettings, updateSettings } from '../lib/config/store';
import { fieldLabel } from '../rules/fields';
import { rowLabel } from '../rules/format';
import type { Pack } from '../rules/pack';
import { parseDateTime } from '../rules/values/parse';
import { wallToInstant } from '../rules/periods/time';
import { download, XLSX_TYPE } from './download';
import { TONES, toneOf } from './severity';
import { WholeWords } from './WholeWords';

const PAGE_SIZE = 50;

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: null, label: '状态' },
  { key: 'severity', label: '级别' },
  { key: 'ruleId', label: '问题' },
  { key: 'caseKey', label: '案件编号' },
  { key: 'unit', label: '办案单位' },
  { key: null, label: '办案民警' },
  { key: 'firstSeen', label: '首次发现' },
  { key: 'lastSeen', label: '最近发现' },
  { key: null, label: '次数' },
  { key: null, label: '审核' },
];

const dayStart = (s: string) => (s ? wallToInstant(parseDateTime(s)?.ms ?? NaN) : undefined);

export interface LogPageProps {
  db: CaseLintDb;
  pack: Pack;
  send: (message: unknown) => Promise<unknown>;
}

export function LogPage({ db, pack, send }: LogPageProps) {
  const [filter, setFilter] = useState<LogFilter>({});
  const [dates, setDates] = useState({ from: '', to: '' });
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'lastSeen', desc: true });
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<FindingRow[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [options, setOptions] = useState<{ units: string[]; rules: string[]; categories: string[] }>({ units: [], rules: [], categories: [] });
  /** What the last action did; a failed one offers to run again exactly as it was. */
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[]; retry?: () => void } | null>(null);
  const [lastError, setLastError] = useState<{ message: string; at: number } | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [level, setLevel] = useState<string>('');
  /** No default: a dismissal says why, chosen each time. */
  const [reason, setReason] = useState<(typeof DISMISS_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  const [version, setVersion] = useState(0);
  /** A long import's progress: rows checked and staged of all, then the merge. */
  const [progress, setProgress] = useState<{ file: string; done: number; total: number; merging: boolean } | null>(null);
  const [health, setHealth] = useState<LogHealth | null>(null);

  const rules = useMemo(() => new Map(pack.rules.map((r) => [r.id, r])), [pack]);
  const categoryLabel = (c: string) => pack.categories[c]?.['zh-CN'] ?? c;
  const query: LogQuery = useMemo(
    () => ({ filter: { ...filter, from: dayStart(dates.from), to: dates.to ? (dayStart(dates.to) ?? 0) + 86_400_000 - 1 : undefined }, sort: sort.key, desc: sort.desc, page, size: PAGE_SIZE }),
    [filter, dates, sort, page],
  );

  // A new filter is counted afresh; a refresh keeps the last count on screen until the new one is in.
  // A refresh never discards an answer for the same filter: on a busy store (right after a
  // 100,000-row import a count took up to 29 s) a count slower than the refresh still arrives.
  const currentQuery = useRef(query);
  currentQuery.current = query;
  /** Answers are applied newest first only: an older one arriving late never replaces a newer one. */
  const asked = useRef(0);
  const shown = useRef({ rows: 0, total: 0 });
  useEffect(() => setTotal(null), [db, query]);
  useEffect(() => {
    const t0 = performance.now();
    const n = ++asked.current;
    const current = () => currentQuery.current === query;
    void queryLog(db, query).then((r) => {
      if (!current() || n < shown.current.rows) return;
      shown.current.rows = n;
      setRows(r.rows);
      setHasMore(r.hasMore);
      document.body.dataset.firstScreenMs = (performance.now() - t0).toFixed(1);
    });
    void countLog(db, query).then((count) => {
      if (!current() || n < shown.current.total) return;
      shown.current.total = n;
      setTotal(count);
    });
  }, [db, query, version]);

  useEffect(() => {
    void distinct(db).then(setOptions);
    void lastErrorItem.getValue().then(setLastError);
    void readSettings().then(setSettings);
    void request(send, 'ui-bg:log-health', {})
      .then((h) => setHealth(h.ok || 'expected' in h ? h : null))
      .catch(() => setHealth(null));
  }, [db, version]);

  // Writes happen in the background: refresh when the log changes there.
  useEffect(() => {
    const onChange = () => setVersion((v) => v + 1);
    const timer = setInterval(onChange, 5000);
    return () => clearInterval(timer);
  }, []);

  const update = (patch: Partial<LogFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(0);
    setSelected(new Set());
  };

  const act = useCallback(
    async (action: 'confirm' | 'dismiss' | 'reopen', ids: string[]) => {
      if (!ids.length) return setMessage({ kind: 'error', text: '请先勾选要处理的问题。' });
      if (action === 'dismiss' && !reason) return setMessage({ kind: 'error', text: '请先选择排除原因。' });
      const input =
        action === 'confirm'
          ? { action, ids, subjectiveLevel: (level || null) as (typeof SUBJECTIVE_LEVELS)[number] | null, note: note || null }
          : action === 'dismiss'
            ? { action, ids, reason: reason as (typeof DISMISS_REASONS)[number], note: note || null }
            : { action, ids, note: note || null };
      let r;
      try {
        r = await request(send, 'ui-bg:review', input);
      } catch (e) {
        // The worker stopped mid-request, the message could not be sent: say so; the selection stays.
        return setMessage({ kind: 'error', text: `操作未完成：${failureText(e)}。所选 ${ids.length} 条均未改变。`, retry: () => void act(action, ids) });
      }
      if (r.ok) {
        setMessage({ kind: 'ok', text: `已处理 ${r.updated} 条。` });
        setSelected(new Set());
        // Each action takes only what was chosen for it: nothing carries over to the next.
        setLevel('');
        setReason('');
        setNote('');
        setVersion((v) => v + 1);
      } else setMessage({ kind: 'error', text: r.error });
    },
    [send, level, reason, note],
  );

  const exporter = { name: settings?.reviewerName ?? null, unit: settings?.reviewerUnit ?? null };
  /** 单位-执法问题台账-日期.ext, like every export. */
  const fileName = (report: string, ext: 'json' | 'csv' | 'xlsx', at = Date.now()) =>
    exportFileName({ unit: exporter.unit, report, period: ext === 'json' && report === '台账备份' ? beijingTime(at).replace(':', '') : beijingTime(at).slice(0, 10) }, ext);
  const exportXlsx = async () => {
    try {
      const all = await allMatching(db, query.filter);
      download(fileName('执法问题台账', 'xlsx'), await docXlsx(findingsDoc(all, pack, exporter.unit, Date.now())), XLSX_TYPE);
    } catch (e) {
      setMessage({ kind: 'error', text: `导出 Excel 失败：${(e as Error).message}` });
    }
  };

  /**
   * Imports an export or a backup of any size: checked and staged chunk by chunk (with progress),
   * then merged all or nothing. Every outcome names the file and says whether anything was imported.
   */
  async function onImport(file: File) {
    const said = (text: string) => `“${file.name}”${text}`;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return setMessage({ kind: 'error', text: said('不是有效的 JSON 文件，未导入任何数据。') });
    }
    const split = splitLogFile(data);
    data = undefined;
    if (!split.ok) return setMessage({ kind: 'error', text: said('格式不正确，未导入任何数据：'), details: split.errors });
    const total = split.parts.findings.length + split.parts.dismissals.length + split.parts.pageChecks.length;
    setMessage(null);
    setProgress({ file: file.name, done: 0, total, merging: false });
    let stagingId: string | null = null;
    const retry = () => void onImport(file);
    try {
      const begun = await request(send, 'ui-bg:import-begin', { header: split.header, bytes: file.size });
      if (!begun.ok) return setMessage({ kind: 'error', text: said(`未导入：${begun.error}`) });
      stagingId = begun.stagingId;
      let done = 0;
      for (const chunk of chunksOf(split.parts)) {
        const r = await request(send, 'ui-bg:import-chunk', { stagingId, ...chunk });
        if (!r.ok) {
          void request(send, 'ui-bg:import-abort', { stagingId }).catch(() => {});
          return 'errors' in r
            ? setMessage({ kind: 'error', text: said('格式不正确，未导入任何数据：'), details: r.errors })
            : setMessage({ kind: 'error', text: said(`导入未完成：${r.error}。未导入任何数据。`), retry });
        }
        done += chunk.rows.length;
        setProgress({ file: file.name, done, total, merging: false });
      }
      setProgress({ file: file.name, done, total, merging: true });
      const r = await request(send, 'ui-bg:import-commit', { stagingId });
      if (r.ok) {
        setMessage({ kind: 'ok', text: said(`导入完成：新增 ${r.added} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条。`) });
        setVersion((v) => v + 1);
      } else if ('errors' in r) setMessage({ kind: 'error', text: said('导入未完成，未导入任何数据：'), details: r.errors, retry });
      else setMessage({ kind: 'error', text: said(`导入未完成：${r.error}。未导入任何数据。`), retry });
    } catch (e) {
      if (stagingId) void request(send, 'ui-bg:import-abort', { stagingId }).catch(() => {});
      setMessage({ kind: 'error', text: said(`导入未完成：${failureText(e)}。未导入任何数据。`), retry });
    } finally {
      setProgress(null);
    }
  }

  /** Merges an automatic backup back (the same merge as an import); the alert goes when the rows are back. */
  async function restore(id: string, label: string) {
    setProgress({ file: label, done: 0, total: 0, merging: true });
    try {
      const r = await request(send, 'ui-bg:restore-backup', { id });
      if (r.ok) setMessage({ kind: 'ok', text: `已从${label}恢复：新增 ${r.added} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条。` });
      else setMessage({ kind: 'error', text: `从${label}恢复未完成：${'errors' in r ? r.errors.join('；') : r.error}。台账未改变。`, retry: () => void restore(id, label) });
    } catch (e) {
      setMessage({ kind: 'error', text: `从${label}恢复未完成：${failureText(e)}。台账未改变。`, retry: () => void restore(id, label) });
    } finally {
      setProgress(null);
      setVersion((v) => v + 1);
    }
  }

  async function acceptLoss() {
    try {
      const r = await request(send, 'ui-bg:accept-log-count', {});
      if (!r.ok) return setMessage({ kind: 'error', text: r.error });
      setVersion((v) => v + 1);
    } catch (e) {
      setMessage({ kind: 'error', text: `操作未完成：${failureText(e)}。` });
    }
  }

  async function saveSettings(next: Settings) {
    try {
      await updateSettings(next);
    } catch (e) {
      return setMessage({ kind: 'error', text: (e as Error).message });
    }
    setSettings(next);
    if (next.retentionDays) {
      const r = await request(send, 'ui-bg:retention', { days: next.retentionDays });
      setMessage(r.ok ? { kind: 'ok', text: `设置已保存；按保留期限删除 ${r.deleted} 条。` } : { kind: 'error', text: r.error });
      setVersion((v) => v + 1);
    } else setMessage({ kind: 'ok', text: '设置已保存（全部保留）。' });
  }

  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div class="page log-page">
      <h1>
        执法问题台账{' '}
        <span class="muted" style={{ fontSize: '13px', fontWeight: 'normal' }} data-total={total ?? ''}>
          {total === null ? '统计中…' : `共 ${total} 条`}
        </span>
      </h1>
      {health && !health.ok ? (
        <div class="banner error loss" role="alert" data-testid="log-loss">
          <strong>{lossMessage(health)}</strong>
          <div class="actions">
            {health.backups.map((b) => (
              <button type="button" key={b.id} class={b === health.backups[0] ? 'primary' : ''} disabled={!!progress} onClick={() => void restore(b.id, backupLabel(b))}>
                从{backupLabel(b)}恢复（{b.rows} 条）
              </button>
            ))}
            <button type="button" disabled={!!progress} onClick={() => void acceptLoss()}>
              不恢复，以现有 {health.found ?? 0} 条为准
            </button>
          </div>
        </div>
      ) : null}
      {progress ? (
        <div class="banner status progress" role="status" aria-live="polite">
          {progress.merging ? `正在合并“${progress.file}”（全部成功才写入）…` : `正在校验“${progress.file}”：${progress.done} / ${progress.total} 条`}
          <progress max={progress.merging ? undefined : progress.total} value={progress.merging ? undefined : progress.done} />
        </div>
      ) : null}
      {lastError ? (
        <div class="banner error" role="alert">
          ⚠ {lastError.message}（{beijingTime(lastError.at)}）{' '}
          <button type="button" onClick={() => void lastErrorItem.setValue(null).then(() => setLastError(null))}>
            知道了
          </button>
        </div>
      ) : null}
      {message ? (
        <div class={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          {message.details ? (
            <ul class="errors">
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
          {message.retry ? (
            <button type="button" class="retry" onClick={message.retry}>
              重试
            </button>
          ) : null}
        </div>
      ) : null}

      <section class="card filters" aria-label="筛选">
        <label>
          搜索 <input type="search" placeholder="案件编号、民警、问题说明…" value={filter.text ?? ''} onInput={(e) => update({ text: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          最近发现 从 <input type="date" value={dates.from} onChange={(e) => (setDates((d) => ({ ...d, from: (e.target as HTMLInputElement).value })), setPage(0))} />
        </label>
        <label>
          至 <input type="date" value={dates.to} onChange={(e) => (setDates((d) => ({ ...d, to: (e.target as HTMLInputElement).value })), setPage(0))} />
        </label>
        <label>
          办案单位{' '}
          <select value={filter.unit ?? ''} onChange={(e) => update({ unit: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">全部</option>
            {options.units.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label>
          民警 <input type="text" value={filter.officer ?? ''} onInput={(e) => update({ officer: (e.target as HTMLInputElement).value || undefined })} />
        </label>
        <label>
          规则{' '}
          <select value={filter.ruleId ?? ''} onChange={(e) => update({ ruleId: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">全部</option>
            {options.rules.map((r) => (
              <option key={r} value={r}>
                {rules.get(r)?.title['zh-CN'] ?? r}
              </option>
            ))}
          </select>
        </label>
        <label>
          类别{' '}
          <select value={filter.category ?? ''} onChange={(e) => update({ category: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">全部</option>
            {options.categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          级别{' '}
          <select value={filter.severity ?? ''} onChange={(e) => update({ severity: ((e.target as HTMLSelectElement).value || undefined) as LogFilter['severity'] })}>
            <option value="">全部</option>
            <option value="error">违规</option>
            <option value="warning">提醒</option>
            <option value="info">提示</option>
          </select>
        </label>
        <label>
          状态{' '}
          <select value={filter.status ?? ''} onChange={(e) => update({ status: ((e.target as HTMLSelectElement).value || undefined) as LogFilter['status'] })}>
            <option value="">全部</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => (setFilter({}), setDates({ from: '', to: '' }), setPage(0))}>
          重置
        </button>
      </section>

      {settings && settings.role !== 'reviewer' ? (
        <p class="card muted officer-note">确认、排除问题属于法制审核员的审核流程。如您负责审核，请在“设置 → 角色”中选择“法制审核员”。</p>
      ) : null}
      {settings?.role === 'reviewer' ? (
        <section class="card bulk" aria-label="批量处理">
          <span>
            已选 <b data-selected>{selected.size}</b> 条
          </span>
          <button type="button" onClick={() => void allMatching(db, query.filter).then((all) => setSelected(new Set(all.map((r) => r.id))))}>
            选择全部筛选结果
          </button>
          <span class="sep" />
          <label>
            主观方面{' '}
            <select value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)} aria-label="主观方面">
              <option value="">（未认定）</option>
              {SUBJECTIVE_LEVELS.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <label>
            排除原因{' '}
            <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as typeof reason)} aria-label="排除原因">
              <option value="">（请选择）</option>
              {DISMISS_REASONS.map((r) => (
                <option key={r} value={r}>
                  {DISMISS_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            备注 <input type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} aria-label="备注" />
          </label>
          <button type="button" class="primary" onClick={() => void act('confirm', [...selected])}>
            确认问题
          </button>
          <button type="button" onClick={() => void act('dismiss', [...selected])}>
            排除
          </button>
          <button type="button" onClick={() => void act('reopen', [...selected])}>
            重新打开
          </button>
        </section>
      ) : null}

      <table class="log-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="选择本页全部"
                checked={allOnPage}
                onChange={() => setSelected((s) => (allOnPage ? new Set([...s].filter((id) => !rows.some((r) => r.id === id))) : new Set([...s, ...rows.map((r) => r.id)])))}
              />
            </th>
            {COLUMNS.map((c) => (
              <th key={c.label} aria-sort={c.key && sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                {c.key ? (
                  <button type="button" class="sort" onClick={() => (setSort((s) => ({ key: c.key!, desc: s.key === c.key ? !s.desc : true })), setPage(0))}>
                    {c.label}
                    {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const tone = TONES[toneOf(r)];
            return (
              <tr key={r.id} data-row-id={r.id} data-status={r.status}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`选择 ${r.caseNumber} ${r.ruleId}`}
                    checked={selected.has(r.id)}
                    onChange={() =>
                      setSelected((s) => {
                        const n = new Set(s);
                        if (n.has(r.id)) n.delete(r.id);
                        else n.add(r.id);
                        return n;
                      })
                    }
                  />
                </td>
                <td>{STATUS_LABELS[r.status]}</td>
                <td style={{ color: tone.colour, whiteSpace: 'nowrap' }}>
                  {tone.icon} {tone.zh}
                </td>
                <td>
                  <div>
                    <b>{rules.get(r.ruleId)?.title['zh-CN'] ?? r.ruleId}</b> <span class="muted">{fieldLabel(r.fieldKey)}{rowLabel(r.row, r.rows)}</span>
                  </div>
                  <div class="msg">
                    <WholeWords text={r.message} />
                  </div>
                </td>
                <td>
                  <a href={r.pageUrl} target="_blank" rel="noopener noreferrer">
                    {r.caseNumber || '（无编号）'}
                  </a>
                </td>
                <td>{r.unit ?? ''}</td>
                <td>{r.officers.join('、')}</td>
                <td class="num">{beijingTime(r.firstSeen)}</td>
                <td class="num">{beijingTime(r.lastSeen)}</td>
                <td class="num">{r.timesSeen}</td>
                <td>
                  {r.reviewer ?? ''}
                  {r.subjectiveLevel ? ` · ${r.subjectiveLevel}` : ''}
                  {r.dismissReason ? ` · ${DISMISS_LABELS[r.dismissReason]}` : ''}
                  {r.note ? <div class="muted">{r.note}</div> : null}
                  {settings?.role === 'reviewer' ? (
                    <div class="row-actions">
                      <button type="button" aria-label={`确认 ${r.caseNumber} ${rules.get(r.ruleId)?.title['zh-CN'] ?? r.ruleId}`} onClick={() => void act('confirm', [r.id])}>
                        确认
                      </button>
                      <button type="button" aria-label={`排除 ${r.caseNumber} ${rules.get(r.ruleId)?.title['zh-CN'] ?? r.ruleId}`} onClick={() => void act('dismiss', [r.id])}>
                        排除
                      </button>
                      <button type="button" aria-label={`重新打开 ${r.caseNumber} ${rules.get(r.ruleId)?.title['zh-CN'] ?? r.ruleId}`} onClick={() => void act('reopen', [r.id])}>
                        重开
                      </button>
                    </div>
                  ) : null}
                  <History events={r.history} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p class="empty">暂无记录。打开执法办案系统的案件页面，CaseLint 发现的问题会自动记录在这里。</p> : null}
      <nav class="pager" aria-label="分页">
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          上一页
        </button>
        <span>
          第 {page + 1} 页{pages !== null ? ` / 共 ${pages} 页` : ''}
        </span>
        <button type="button" disabled={!hasMore} onClick={() => setPage((p) => p + 1)}>
          下一页
        </button>
      </nav>

      <section class="card io" aria-label="导出与备份">
        <h2>导出、备份与导入</h2>
        <button type="button" onClick={() => void allMatching(db, query.filter).then((all) => exportFindings(db, exporter, Date.now(), all)).then((f) => download(fileName('执法问题台账', 'json'), JSON.stringify(f, null, 1), 'application/json'))}>
          导出筛选结果（JSON）
        </button>
        <button type="button" onClick={() => void allMatching(db, query.filter).then((all) => download(fileName('执法问题台账', 'csv'), findingsCsv(all, pack), 'text/csv;charset=utf-8'))}>
          导出筛选结果（CSV）
        </button>
        <button type="button" onClick={() => void exportXlsx()}>
          导出筛选结果（Excel，含审核记录）
        </button>
        <button type="button" onClick={() => void backup(db, Date.now()).then((b) => download(fileName('台账备份', 'json'), JSON.stringify(b), 'application/json'))}>
          备份全部台账
        </button>
        <label class="file">
          导入/恢复（合并，不重复、不覆盖更新的修改）：
          <input type="file" accept=".json,application/json" disabled={!!progress} onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void onImport(f);
            (e.target as HTMLInputElement).value = '';
          }} />
        </label>
        <p class="muted auto-backups" data-testid="auto-backups">
          自动备份（每日一次，保留最近 {BACKUPS_KEPT} 天，存于浏览器扩展存储，与台账分开）：
          {health && health.backups.length
            ? health.backups.map((b) => `${backupLabel(b)}（${b.rows} 条）`).join('；')
            : '尚无'}
        </p>
      </section>

      {settings ? (
        <section class="card settings" aria-label="审核人设置">
          <h2>审核人与保留期限</h2>
          <SettingsForm value={settings} onSave={(s) => void saveSettings(s)} />
        </section>
      ) : null}
    </div>
  );
}

function SettingsForm({ value, onSave }: { value: Settings; onSave: (s: Settings) => void }) {
  const [name, setName] = useState(value.reviewerName ?? '');
  const [unit, setUnit] = useState(value.reviewerUnit ?? '');
  const [days, setDays] = useState(value.retentionDays ? String(value.retentionDays) : '');
  const [reminders, setReminders] = useState(value.reminders);
  const [error, setError] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const n = days.trim() ? Number(days) : null;
        if (n !== null && (!Number.isInteger(n) || n <= 0)) return setError('保留期限应为正整数天数，留空表示全部保留。');
        setError('');
        onSave({ ...value, reviewerName: name.trim() || null, reviewerUnit: unit.trim() || null, retentionDays: n, reminders });
      }}
    >
      <label>
        审核人姓名 <input value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>{' '}
      <label>
        所在单位 <input value={unit} onInput={(e) => setUnit((e.target as HTMLInputElement).value)} />
      </label>{' '}
      <label>
        保留期限（天，留空全部保留） <input value={days} inputMode="numeric" onInput={(e) => setDays((e.target as HTMLInputElement).value)} />
      </label>{' '}
      <label>
        <input type="checkbox" checked={reminders} onChange={(e) => setReminders((e.target as HTMLInputElement).checked)} /> 每日 8:30 提醒报告已就绪（周一周结、每月1日月通报）
      </label>{' '}
      <button type="submit">保存设置</button>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** A finding's history in the row: who did what, when, with what note. */
function History({ events }: { events: readonly FindingEvent[] }) {
  if (!events.length) return null;
  return (
    <details class="history">
      <summary>历史（{events.length}）</summary>
      <ol>
        {events.map((e) => (
          <li key={`${e.event}${e.at}${e.reviewer ?? ''}`} data-event={e.event}>
            <span class="num">{beijingTime(e.at)}</span> {EVENT_LABELS[e.event]}
            {e.reviewer ? ` · ${e.reviewer}${e.reviewerUnit ? `（${e.reviewerUnit}）` : ''}` : ''}
            {e.subjectiveLevel ? ` · ${e.subjectiveLevel}` : ''}
            {e.dismissReason ? ` · ${DISMISS_LABELS[e.dismissReason]}` : ''}
            {e.note ? ` · 备注：${e.note}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

const backupLabel = (b: { at: number }) => `自动备份 ${beijingTime(b.at).slice(0, 16)}`;

/** Why a request to the background failed, in the user's words (the browser's are English). */
function failureText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/serialize|too (large|big)|exceeds|length/i.test(m)) return '数据过大或嵌套过深，无法交给后台处理';
  if (/receiving end|connection|port closed|context invalidated/i.test(m)) return '后台服务未响应（可能正在重启）';
  return `后台处理失败（${m}）`;
}

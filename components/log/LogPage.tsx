/**
 * The findings log page (执法问题台账): search, filter, sort and page through every logged
 * finding; confirm (with the subjective level), dismiss (with a reason) or reopen, in bulk or per
 * row; export, back up, import and restore. Reads IndexedDB directly and re-reads when the
 * background says the log changed; every write goes through the background, the log's only
 * writer. The reviewer's name, unit and the retention period are set on the options page.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { LogHealth } from '../../lib/db/auto-backup';
import { beijingTime } from '../../lib/db/csv';
import type { CaseLintDb } from '../../lib/db/database';
import { allMatching, distinct, type LogQuery } from '../../lib/db/query';
import { backup, exportFindings } from '../../lib/db/repository';
import { exportFileName } from '../../lib/exports/file-name';
import { findingsCsv, findingsDoc } from '../../lib/exports/findings';
import { docXlsx } from '../../lib/exports/xlsx';
import { request } from '../../lib/messaging/request';
import { readSettings } from '../../lib/config/store';
import { lastErrorItem, type Settings } from '../../lib/settings/settings';
import type { Pack } from '../../rules/pack';
import { wallToInstant } from '../../rules/periods/time';
import { parseDateTime } from '../../rules/values/parse';
import { download, XLSX_TYPE } from '../download';
import { useLocale, useTr } from '../locale';
import { Banners } from './Banners';
import { failureText, type LogMessage } from './failure';
import { Filters, type FilterState } from './Filters';
import { ImportExport } from './ImportExport';
import { LogTable, type Sort } from './LogTable';
import { NO_INPUTS, ReviewBar, type ReviewAction, type ReviewInputs } from './ReviewBar';
import { acceptLoss, importFile, restoreBackup, type Progress, type TransferContext } from './transfers';
import { useLogRows, useLogVersion } from './use-log';

const PAGE_SIZE = 50;
const dayStart = (s: string) => (s ? wallToInstant(parseDateTime(s)?.ms ?? NaN) : undefined);
const NO_FILTER: FilterState = { filter: {}, dates: { from: '', to: '' } };

export interface LogPageProps {
  db: CaseLintDb;
  pack: Pack;
  send: (message: unknown) => Promise<unknown>;
}

export function LogPage({ db, pack, send }: LogPageProps) {
  const tr = useTr();
  const locale = useLocale();
  const [filters, setFilters] = useState<FilterState>(NO_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'lastSeen', desc: true });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [inputs, setInputs] = useState<ReviewInputs>(NO_INPUTS);
  const [message, setMessage] = useState<LogMessage | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [version, changed] = useLogVersion();

  const query: LogQuery = useMemo(() => {
    const { filter, dates } = filters;
    return { filter: { ...filter, from: dayStart(dates.from), to: dates.to ? (dayStart(dates.to) ?? 0) + 86_400_000 - 1 : undefined }, sort: sort.key, desc: sort.desc, page, size: PAGE_SIZE };
  }, [filters, sort, page]);
  const { rows, hasMore, total } = useLogRows(db, query, version);

  const [options, setOptions] = useState<{ units: string[]; rules: string[]; categories: string[] }>({ units: [], rules: [], categories: [] });
  const [lastError, setLastError] = useState<{ message: string; at: number } | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [health, setHealth] = useState<LogHealth | null>(null);
  useEffect(() => {
    void distinct(db).then(setOptions);
    void lastErrorItem.getValue().then(setLastError);
    void readSettings().then(setSettings);
    void request(send, 'ui-bg:log-health', {})
      .then((h) => setHealth(h.ok || 'expected' in h ? h : null))
      .catch(() => setHealth(null));
  }, [db, version]);

  const refilter = (next: FilterState) => {
    setFilters(next);
    setPage(0);
    setSelected(new Set());
  };

  const act = useCallback(
    async (action: ReviewAction, ids: string[]) => {
      if (!ids.length) return setMessage({ kind: 'error', text: tr('请先勾选要处理的问题。', 'Tick the findings to act on first.') });
      if (action === 'dismiss' && !inputs.reason) return setMessage({ kind: 'error', text: tr('请先选择排除原因。', 'Choose the dismissal reason first.') });
      const note = inputs.note || null;
      const input =
        action === 'confirm'
          ? { action, ids, subjectiveLevel: inputs.level || null, note }
          : action === 'dismiss'
            ? { action, ids, reason: inputs.reason as Exclude<ReviewInputs['reason'], ''>, note }
            : { action, ids, note };
      let r;
      try {
        r = await request(send, 'ui-bg:review', input);
      } catch (e) {
        // The worker stopped mid-request, the message could not be sent: say so; the selection stays.
        const why = failureText(e, tr);
        return setMessage({ kind: 'error', text: tr(`操作未完成：${why}。所选 ${ids.length} 条均未改变。`, `Not done: ${why}. None of the ${ids.length} selected changed.`), retry: () => void act(action, ids) });
      }
      if (r.ok) {
        setMessage({ kind: 'ok', text: tr(`已处理 ${r.updated} 条。`, `${r.updated} done.`) });
        setSelected(new Set());
        // Each action takes only what was chosen for it: nothing carries over to the next.
        setInputs(NO_INPUTS);
        changed();
      } else setMessage({ kind: 'error', text: r.error });
    },
    [send, inputs, tr],
  );

  const transfers: TransferContext = { send, tr, say: setMessage, progress: setProgress };
  const after = (p: Promise<void>) => void p.finally(changed);

  const exporter = { name: settings?.reviewerName ?? null, unit: settings?.reviewerUnit ?? null };
  const logName = tr('执法问题台账', 'Findings log');
  /** 单位-执法问题台账-日期.ext, like every export. */
  const fileName = (report: string, ext: 'json' | 'csv' | 'xlsx', at = Date.now(), withTime = false) =>
    exportFileName({ unit: exporter.unit, report, period: withTime ? beijingTime(at).replace(':', '') : beijingTime(at).slice(0, 10) }, ext);
  const exportAs = async (format: 'json' | 'csv' | 'xlsx') => {
    try {
      const all = await allMatching(db, query.filter);
      if (format === 'json') download(fileName(logName, 'json'), JSON.stringify(await exportFindings(db, exporter, Date.now(), all), null, 1), 'application/json');
      else if (format === 'csv') download(fileName(logName, 'csv'), findingsCsv(all, pack, locale), 'text/csv;charset=utf-8');
      else download(fileName(logName, 'xlsx'), await docXlsx(findingsDoc(all, pack, exporter.unit, Date.now(), locale)), XLSX_TYPE);
    } catch (e) {
      setMessage({ kind: 'error', text: `${tr('导出失败：', 'Export failed: ')}${(e as Error).message}` });
    }
  };

  const reviewer = settings?.role === 'reviewer';
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div class="page log-page">
      <h1>
        {logName}{' '}
        <span class="muted" style={{ fontSize: '13px', fontWeight: 'normal' }} data-total={total ?? ''}>
          {total === null ? tr('统计中…', 'counting…') : tr(`共 ${total} 条`, `${total} in all`)}
        </span>
      </h1>
      <Banners
        health={health}
        progress={progress}
        lastError={lastError}
        message={message}
        onRestore={(id, label) => after(restoreBackup(id, label, transfers))}
        onAcceptLoss={() => after(acceptLoss(transfers))}
        onClearError={() => void lastErrorItem.setValue(null).then(() => setLastError(null))}
      />
      <Filters
        state={filters}
        options={options}
        pack={pack}
        onFilter={(patch) => refilter({ ...filters, filter: { ...filters.filter, ...patch } })}
        onDates={(patch) => refilter({ ...filters, dates: { ...filters.dates, ...patch } })}
        onReset={() => refilter(NO_FILTER)}
      />
      {settings && !reviewer ? (
        <p class="card muted officer-note">
          {tr(
            '确认、排除问题属于法制审核员的审核流程。如您负责审核，请在“设置 → 角色”中选择“法制审核员”。',
            'Confirming and dismissing findings is the legal reviewers\' work. If you review cases, choose "Legal reviewer" under Settings → Role.',
          )}
        </p>
      ) : null}
      {reviewer ? (
        <ReviewBar
          selected={selected.size}
          inputs={inputs}
          onInputs={(patch) => setInputs((i) => ({ ...i, ...patch }))}
          onSelectAll={() => void allMatching(db, query.filter).then((all) => setSelected(new Set(all.map((r) => r.id))))}
          onAct={(action) => void act(action, [...selected])}
        />
      ) : null}
      <LogTable
        rows={rows}
        pack={pack}
        sort={sort}
        onSort={(key) => (setSort((s) => ({ key, desc: s.key === key ? !s.desc : true })), setPage(0))}
        selected={selected}
        onSelected={setSelected}
        reviewer={reviewer}
        onAct={(action, ids) => void act(action, ids)}
      />
      {rows.length === 0 ? (
        <p class="empty">{tr('暂无记录。打开执法办案系统的案件页面，CaseLint 发现的问题会自动记录在这里。', 'Nothing yet. Open case pages of the case-handling system: what CaseLint finds is recorded here.')}</p>
      ) : null}
      <nav class="pager" aria-label={tr('分页', 'Pages')}>
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          {tr('上一页', 'Previous')}
        </button>
        <span>{tr(`第 ${page + 1} 页${pages !== null ? ` / 共 ${pages} 页` : ''}`, `Page ${page + 1}${pages !== null ? ` of ${pages}` : ''}`)}</span>
        <button type="button" disabled={!hasMore} onClick={() => setPage((p) => p + 1)}>
          {tr('下一页', 'Next')}
        </button>
      </nav>
      <ImportExport
        health={health}
        busy={!!progress}
        onExport={(format) => void exportAs(format)}
        onBackup={() => void backup(db, Date.now()).then((b) => download(fileName(tr('台账备份', 'Log backup'), 'json', Date.now(), true), JSON.stringify(b), 'application/json'))}
        onImport={(file) => after(importFile(file, transfers))}
      />
    </div>
  );
}

/**
 * Report pages (日清周结月通报, 民警执法档案, 执法现状白皮书) for any period, Beijing time, weeks
 * Monday to Sunday: figures, charts with their numbers in tables, CSV/XLSX export and printing.
 */
import { useEffect, useState } from 'preact/hooks';
import { docCsv } from '../lib/exports/csv';
import { exportFileName } from '../lib/exports/file-name';
import { printsLandscape } from '../lib/exports/table';
import { docXlsx } from '../lib/exports/xlsx';
import { buildReport, REPORT_KINDS, REPORT_NAMES, type ReportKind, type ReportRequest, type ReportSource } from '../lib/reports/build';
import type { Cell, ReportDoc, Section } from '../lib/reports/sheets';
import type { Pack } from '../rules/pack';
import { formatDate, instantToWall, wallToInstant } from '../rules/periods/time';
import { parseDateTime } from '../rules/values/parse';
import { beijingTime } from '../lib/db/csv';
import { download, XLSX_TYPE } from './download';
import { PRINT_CHART_MM, ReportChart } from './ReportChart';
import { Mixed, useLocale, useTr, Zh } from './locale';

export type { ReportKind } from '../lib/reports/build';
const KINDS = REPORT_KINDS.map((k) => [k, REPORT_NAMES[k]] as const);

export function parseHash(hash: string): { kind: ReportKind; date?: string; scope?: 'quarter' | 'year'; officer?: string } {
  const [k, q = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(q);
  const kind = (KINDS.find(([id]) => id === k)?.[0] ?? 'weekly') as ReportKind;
  return { kind, date: params.get('date') ?? undefined, scope: params.get('scope') === 'year' ? 'year' : 'quarter', officer: params.get('officer') ?? undefined };
}

const fmt = (v: Cell, type: string) =>
  v === null ? '—' : typeof v === 'number' ? (type === 'percent' ? `${(v * 100).toFixed(1)}%` : type === 'decimal' ? v.toFixed(2) : String(v)) : v;

/** A section this short moves whole to the next page rather than split; a longer one flows. */
const COMPACT_ROWS = 15;

/** A CSS string literal. */
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/**
 * Print set-up of a report (#20.2): A4, landscape when a table needs it, the unit and the report's
 * name and period at the top of every page, page numbers at the bottom, charts at print size.
 */
function PrintSetup({ doc }: { doc: ReportDoc }) {
  const tr = useTr();
  const margin = 'font-size: 8.5pt; color: #4b5563;';
  return (
    <style>{`@page { size: A4 ${printsLandscape(doc) ? 'landscape' : 'portrait'}; margin: 16mm 12mm 14mm;
  @top-left { content: ${cssString(doc.unit ?? '')}; ${margin} }
  @top-right { content: ${cssString(`${doc.title} ${doc.period}`)}; ${margin} }
  @bottom-center { content: ${tr('"第 " counter(page) " 页，共 " counter(pages) " 页"', '"Page " counter(page) " of " counter(pages)')}; ${margin} } }
@media print { .chart { width: ${PRINT_CHART_MM.width}mm; height: ${PRINT_CHART_MM.height}mm; } }`}</style>
  );
}

function SectionView({ s }: { s: Section }) {
  const tr = useTr();
  return (
    <section class={`report-section${s.rows.length <= COMPACT_ROWS ? ' compact' : ''}`} data-section={s.name}>
      <div class="section-lead">
        <h2>{s.title}</h2>
        {s.text ? (
          <p class="report-text">
            <Mixed text={s.text} />
          </p>
        ) : null}
        <ReportChart section={s} />
      </div>
      {s.rows.length ? (
        <table class="report-table">
          <thead>
            <tr>
              {s.columns.map((c) => (
                <th key={c.header} class={c.type === 'text' ? (c.wrap ? 'prose' : 'value') : 'num'}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r, i) => (
              <tr key={i} class={s.totalRow && i === s.rows.length - 1 ? 'total' : ''}>
                {r.map((v, j) => (
                  <td key={j} class={s.columns[j]?.type !== 'text' ? 'num' : s.columns[j]?.wrap ? 'prose' : 'value'}>
                    <Zh text={fmt(v, s.columns[j]?.type ?? 'text')} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{tr('本期无数据。', 'No data for this period.')}</p>
      )}
    </section>
  );
}

/** Builds the report asked for: from this browser's log, or by the hub over the branch's rows. */
export type BuildReport = (request: Omit<ReportRequest, 'unit'>) => Promise<{ doc: ReportDoc; officers: string[] }>;

/** A report builder over rows from a source (this browser's log), headed by the user's unit. */
export const buildFrom =
  (source: ReportSource, pack: Pack, unit: () => Promise<string | null>): BuildReport =>
  async (request) =>
    buildReport(source, pack, { ...request, unit: await unit() });

export interface ReportPageProps {
  build: BuildReport;
  /** Above the tabs: e.g. the extension's 本机 / 全局 switch, the hub's account bar. */
  header?: preact.ComponentChildren;
  now?: number;
}

export function ReportPage({ build, now = Date.now(), header }: ReportPageProps) {
  const tr = useTr();
  const locale = useLocale();
  const [state, setState] = useState(() => parseHash(location.hash));
  const today = formatDate(instantToWall(now));
  const date = state.date ?? today;
  const at = wallToInstant((parseDateTime(date)?.ms ?? instantToWall(now)) + 12 * 3600_000);
  const [doc, setDoc] = useState<ReportDoc | null>(null);
  const [officers, setOfficers] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const on = () => setState(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);

  const go = (patch: Partial<typeof state>) => {
    const next = { ...state, ...patch };
    const q = new URLSearchParams();
    if (next.date) q.set('date', next.date);
    if (next.kind === 'whitepaper') q.set('scope', next.scope ?? 'quarter');
    if (next.kind === 'officer' && next.officer) q.set('officer', next.officer);
    location.hash = `${next.kind}?${q}`;
  };

  useEffect(() => {
    let live = true;
    const t0 = performance.now();
    void (async () => {
      const built = await build({ kind: state.kind, at, scope: state.scope ?? 'quarter', locale, ...(state.officer ? { officer: state.officer } : {}) });
      if (!live) return;
      if (state.kind === 'officer') setOfficers(built.officers);
      setDoc(built.doc);
      requestAnimationFrame(() => {
        document.body.dataset.renderMs = (performance.now() - t0).toFixed(1);
      });
    })();
    return () => {
      live = false;
    };
  }, [build, state.kind, state.scope, state.officer, at, locale]);

  const fileName = (ext: 'csv' | 'xlsx') => (doc ? exportFileName({ unit: doc.unit, report: doc.title, period: doc.period }, ext) : '');

  return (
    <div class="page report-page">
      {header}
      <nav class="tabs no-print" aria-label={tr('报告类型', 'Report')}>
        {KINDS.map(([id, [zh, en]]) => (
          <button key={id} type="button" class={id === state.kind ? 'current' : ''} aria-current={id === state.kind ? 'page' : undefined} onClick={() => go({ kind: id })}>
            {tr(zh, en)}
          </button>
        ))}
      </nav>
      <div class="controls no-print">
        <label>
          {state.kind === 'weekly'
            ? tr('日期（所在周）', 'Date (its week)')
            : state.kind === 'daily'
              ? tr('日期（所在日）', 'Date')
              : state.kind === 'whitepaper'
                ? state.scope === 'year'
                  ? tr('日期（所在年度）', 'Date (its year)')
                  : tr('日期（所在季度）', 'Date (its quarter)')
                : tr('日期（所在月）', 'Date (its month)')}{' '}
          <input type="date" value={date} onChange={(e) => go({ date: (e.target as HTMLInputElement).value || undefined })} />
        </label>
        {state.kind === 'whitepaper' ? (
          <label>
            {tr('范围', 'Scope')}{' '}
            <select value={state.scope} onChange={(e) => go({ scope: (e.target as HTMLSelectElement).value as 'quarter' | 'year' })}>
              <option value="quarter">{tr('季度', 'Quarter')}</option>
              <option value="year">{tr('年度', 'Year')}</option>
            </select>
          </label>
        ) : null}
        {state.kind === 'officer' ? (
          <label>
            {tr('民警', 'Officer')}{' '}
            <select value={state.officer ?? officers[0] ?? ''} onChange={(e) => go({ officer: (e.target as HTMLSelectElement).value })}>
              {officers.map((o) => (
                <option key={o} lang="zh-CN">
                  {o}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <span class="spacer" />
        <button type="button" disabled={!doc} onClick={() => doc && download(fileName('csv'), docCsv(doc), 'text/csv;charset=utf-8')}>
          {tr('导出 CSV', 'Export CSV')}
        </button>
        <button
          type="button"
          disabled={!doc}
          onClick={() => {
            if (!doc) return;
            setStatus(tr('正在生成 Excel…', 'Generating the Excel file…'));
            void docXlsx(doc)
              .then((buf) => {
                download(fileName('xlsx'), buf, XLSX_TYPE);
                setStatus('');
              })
              .catch((e: Error) => setStatus(`${tr('导出失败：', 'Export failed: ')}${e.message}`));
          }}
        >
          {tr('导出 Excel', 'Export Excel')}
        </button>
        <button type="button" onClick={() => print()}>
          {tr('打印 / PDF', 'Print / PDF')}
        </button>
        {status ? <span role="status">{status}</span> : null}
      </div>
      {doc ? (
        <article class={`report${state.kind === 'whitepaper' ? ' document' : ''}`} aria-labelledby="report-title">
          <PrintSetup doc={doc} />
          <header class="report-head">
            <h1 id="report-title">
              <Mixed text={doc.title} />
            </h1>
            <p>
              {doc.unit ? (
                <span>
                  <Zh text={doc.unit} /> ·{' '}
                </span>
              ) : null}
              <span data-period>{doc.period}</span> · {tr(`生成时间 ${beijingTime(now)}（北京时间）`, `made ${beijingTime(now)} (Beijing time)`)}
            </p>
          </header>
          {doc.sections.map((s) => (
            <SectionView key={s.name} s={s} />
          ))}
          {doc.footnote ? <footer class="report-foot muted">{doc.footnote}</footer> : null}
        </article>
      ) : (
        <p class="muted">{tr('正在统计…', 'Counting…')}</p>
      )}
    </div>
  );
}

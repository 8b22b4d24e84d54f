/**
 * The reviewer's audit panel: every finding on the current page grouped by severity, the counts
 * of rules passed / not applicable / needing review, a category filter, and a click on a finding
 * that scrolls to and highlights its field. Used in the in-page panel and the Chrome side panel.
 */
import { useState } from 'preact/hooks';
import type { Finding } from '../rules/engine';
import { fieldLabel } from '../rules/fields';
import { rowLabel } from '../rules/format';
import { readsFarFewer } from '../lib/db/field-counts';
import { TONES, toneOf, type Tone } from './severity';
import { WholeWords, WHOLE_WORDS_CSS } from './WholeWords';
import { useTr, Zh } from './locale';
import type { Tr } from '../lib/i18n/tr';
import type { MatchedField, UnmappedField } from '../lib/messaging/protocol';
import { MatchedFields, READING_CSS, UnmappedFields } from './ReadingPanel';
import { dismissLabel, DISMISS_REASONS } from '../lib/db/review-vocabulary';

export interface PanelData {
  findings: Finding[];
  passed: string[];
  notApplicable: string[];
  /** How many case fields the page was read with (#18.5): silence on a page read with none is no compliance. */
  fieldsRead?: number;
  /** How many fields pages of this type usually give (#18.5): far fewer is said. */
  typicalFields?: number | null;
  /** Rules dismissed for this case by a reviewer: their findings are hidden, but counted (#15.2). */
  dismissed?: string[];
  warnings: string[];
  /** Category id → label (in the panel's locale). */
  categories: Record<string, string>;
  caseNumber?: string | null;
  pageTitle?: string;
  /** Labelled controls CaseLint could not map, with the fields they may be (#18.4). */
  unmapped?: UnmappedField[];
  /** The fields the page was read with and how each was found (#18.4). */
  matched?: MatchedField[];
}

export interface AuditPanelProps {
  data: PanelData;
  onSelect?: (f: Finding) => void;
  onClose?: () => void;
  docUrl?: (ruleId: string) => string | undefined;
  /** A reviewer's confirm or dismiss (with its reason) of one finding, from the panel; says what happened. */
  onReview?: (f: Finding, action: 'confirm' | 'dismiss', reason: 'false-positive' | 'not-applicable' | 'accepted-exception' | null) => Promise<string>;
  /** The in-page panel: which side it is docked on, and how to move it to the other. */
  dock?: { side: 'left' | 'right'; onMove: () => void };
  /** Maps an unmapped control to a field for this page type (a site-profile entry); says what happened. */
  onMap?: (selector: string, key: string) => Promise<string>;
}

const ORDER: Tone[] = ['error', 'warning', 'info', 'review'];

/** What a review from a panel did, as the panel says it (the in-page panel and the side panel alike). */
export function AuditPanel({ data, onSelect, onClose, docUrl, dock, onReview, onMap }: AuditPanelProps) {
  /** What the last review from the panel did (a dismissed finding leaves the list, so it is said above it). */
  const tr = useTr();
  const [said, setSaid] = useState('');
  const review = (f: Finding, action: 'confirm' | 'dismiss', reason: 'false-positive' | 'not-applicable' | 'accepted-exception' | null) => {
    void onReview?.(f, action, reason).then((text) => setSaid(`${f.title}${tr('：', ': ')}${text}`));
  };
  const [category, setCategory] = useState('');
  const shown = data.findings.filter((f) => !category || f.category === category);
  const count = (t: Tone) => data.findings.filter((f) => toneOf(f) === t).length;
  const dismissed = data.dismissed ?? [];
  const checked = data.passed.length + new Set(data.findings.map((f) => f.ruleId)).size + dismissed.length;
  const present = [...new Set(data.findings.map((f) => f.category))];
  return (
    <section class="ap" aria-label={tr('CaseLint 审核面板', 'CaseLint review panel')}>
      <header class="ap-head">
        <h2>
          {tr('CaseLint 审核面板', 'CaseLint review panel')}
          {data.caseNumber ? (
            <span class="ap-case">
              {tr('案件编号 ', 'Case ')}
              <Zh text={data.caseNumber} />
            </span>
          ) : null}
        </h2>
        {dock ? (
          <button type="button" class="ap-dock" onClick={dock.onMove} data-side={dock.side}>
            {dock.side === 'right' ? tr('停靠左侧', 'Dock left') : tr('停靠右侧', 'Dock right')}
          </button>
        ) : null}
        {onClose ? (
          <button type="button" class="ap-close" onClick={onClose} aria-label={tr('关闭审核面板（Esc）', 'Close the review panel (Esc)')}>
            ×
          </button>
        ) : null}
      </header>
      <div class="ap-counts" role="list">
        {ORDER.map((t) => (
          <span key={t} role="listitem" class={`ap-count ap-${t}`} data-count={t}>
            {TONES[t].icon} {tr(TONES[t].zh, TONES[t].en)} <b>{count(t)}</b>
          </span>
        ))}
      </div>
      <p class="ap-rules">
        {tr('已检查规则 ', 'Rules checked ')}
        <b data-count="checked">{checked}</b>
        {tr(' 条 · 通过 ', ' · passed ')}
        <b data-count="passed">{data.passed.length}</b>
        {tr(' · 不适用 ', ' · not applicable ')}
        <b data-count="na">{data.notApplicable.length}</b>
        {tr(' · 已排除 ', ' · dismissed ')}
        <b data-count="dismissed">{dismissed.length}</b>
        {data.fieldsRead !== undefined ? (
          <>
            {tr(' · 读取字段 ', ' · fields read ')}
            <b data-count="fields">{data.fieldsRead}</b>
            {tr(' 个', '')}
          </>
        ) : null}
      </p>
      {data.fieldsRead === 0 ? (
        <p class="ap-unread" role="alert">
          {tr(
            '本页未读取到任何案件字段：CaseLint 可能不认识这个系统的标签，未发现问题不代表合规。请在弹出窗口中用“选取字段”指定字段。',
            'No case field was read on this page: CaseLint may not know this system\'s labels, so finding nothing does not mean compliance. Use "Pick a field" in the popup to point them out.',
          )}
        </p>
      ) : null}
      {data.fieldsRead !== undefined && data.fieldsRead > 0 && readsFarFewer(data.fieldsRead, data.typicalFields ?? null) ? (
        <p class="ap-unread ap-fewer" role="alert">
          {tr(
            `本页只读取到 ${data.fieldsRead} 个字段，此类页面通常读取 ${data.typicalFields} 个：页面可能未加载完整或结构已变化，部分规则未能检查，未发现问题不代表合规。`,
            `Only ${data.fieldsRead} field${data.fieldsRead > 1 ? 's were' : ' was'} read on this page; pages of this type usually give ${data.typicalFields}. The page may not have loaded fully or its layout changed: some rules could not be checked, so finding nothing does not mean compliance.`,
          )}
        </p>
      ) : null}
      {data.unmapped?.length ? <UnmappedFields items={data.unmapped} onMap={onMap} /> : null}
      {data.warnings.length ? (
        <ul class="ap-warnings">
          {data.warnings.map((w) => (
            <li key={w}>
              ⚠ <Zh text={w} />
            </li>
          ))}
        </ul>
      ) : null}
      {said ? (
        <p class="ap-said" role="status">
          {said}
        </p>
      ) : null}
      <label class="ap-filter">
        {tr('类别', 'Category')}
        <select value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          <option value="">{tr(`全部（${data.findings.length}）`, `All (${data.findings.length})`)}</option>
          {present.map((c) => (
            <option key={c} value={c}>
              {data.categories[c] ?? c}
              {tr(`（${data.findings.filter((f) => f.category === c).length}）`, ` (${data.findings.filter((f) => f.category === c).length})`)}
            </option>
          ))}
        </select>
      </label>
      {data.findings.length === 0 ? (
        data.fieldsRead === 0 ? null : (
          <p class="ap-empty">{tr(`本页未发现问题，已检查 ${checked} 条规则。`, `No problem found on this page; ${checked} rules checked.`)}</p>
        )
      ) : (
        ORDER.map((t) => {
          const list = shown.filter((f) => toneOf(f) === t);
          if (!list.length) return null;
          return (
            <div key={t} class={`ap-group ap-${t}`}>
              <h3>
                {TONES[t].icon} {tr(`${TONES[t].zh}（${list.length}）`, `${TONES[t].en} (${list.length})`)}
              </h3>
              <ul>
                {list.map((f) => (
                  <li key={`${f.ruleId}|${f.fieldKey}|${f.row ?? ''}`}>
                    <button
                      type="button"
                      class="ap-item"
                      data-caselint-panel-rule={f.ruleId}
                      data-caselint-panel-field={f.fieldKey}
                      onClick={() => onSelect?.(f)}
                    >
                      <span class="ap-title">{f.title}</span>
                      <span class="ap-field">
                        <Zh text={fieldLabel(f.fieldKey)} />
                        {rowLabel(f.row, f.rows, tr)}
                        {f.kind === 'due-soon' ? tr(' · 即将到期', ' · due soon') : ''}
                      </span>
                      <span class="ap-msg">
                        <WholeWords text={f.message} />
                      </span>
                      <span class="ap-basis">
                        {tr('依据：', 'Legal basis: ')}
                        <Zh text={f.basis} />
                      </span>
                    </button>
                    {onReview ? (
                      <div class="ap-review">
                        <button type="button" onClick={() => review(f, 'confirm', null)} aria-label={tr(`确认问题：${f.title}`, `Confirm: ${f.title}`)}>
                          {tr('确认', 'Confirm')}
                        </button>
                        <select
                          aria-label={tr(`排除：${f.title}`, `Dismiss: ${f.title}`)}
                          value=""
                          onChange={(e) => {
                            const reason = (e.target as HTMLSelectElement).value as 'false-positive' | 'not-applicable' | 'accepted-exception';
                            if (reason) review(f, 'dismiss', reason);
                          }}
                        >
                          <option value="">{tr('排除（选择原因）…', 'Dismiss (choose a reason)…')}</option>
                          {DISMISS_REASONS.map((r) => (
                            <option key={r} value={r}>
                              {dismissLabel(r, tr)}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null}
                    {docUrl?.(f.ruleId) ? (
                      <a class="ap-doc" href={docUrl(f.ruleId)} target="_blank" rel="noopener noreferrer">
                        {tr('规则全文', 'Full rule')}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
      {data.matched?.length ? <MatchedFields items={data.matched} /> : null}
    </section>
  );
}

export const PANEL_CSS = `
.ap { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 13px; line-height: 1.5; color: #111827; background: #fff; }
.ap-head { display: flex; align-items: center; justify-content: space-between; padding: 10px 12px; border-bottom: 1px solid #e5e7eb; }
.ap-head h2 { font-size: 15px; margin: 0; }
.ap-case { font-weight: normal; font-size: 12px; color: #374151; margin-left: 8px; }
.ap-review { display: flex; align-items: center; margin: 2px 0 0 12px; font-size: 12px; }
.ap-review > * + * { margin-left: 6px; }
.ap-unread { margin: 4px 12px; color: #92400e; background: #fffbeb; border: 1px solid #f59e0b; border-radius: 3px; padding: 4px 6px; font-size: 12px; }
.ap-said { margin: 4px 12px; color: #1f2937; background: #f3f4f6; border-radius: 3px; padding: 2px 6px; font-size: 12px; }
.ap-dock { margin-left: auto; margin-right: 6px; font-size: 12px; cursor: pointer; }
.ap-close { border: 0; background: none; font-size: 20px; cursor: pointer; color: #374151; }
.ap-counts { display: flex; flex-wrap: wrap; padding: 8px 6px 0 12px; }
.ap-counts > * { margin: 0 6px 6px 0; }
.ap-count { border-radius: 3px; padding: 1px 6px; font-size: 12px; }
.ap-count.ap-error { color: #b91c1c; background: #fef2f2; }
.ap-count.ap-warning { color: #92400e; background: #fffbeb; }
.ap-count.ap-info { color: #1d4ed8; background: #eff6ff; }
.ap-count.ap-review { color: #4b5563; background: #f3f4f6; }
.ap-rules { margin: 6px 12px; color: #374151; font-size: 12px; }
.ap-warnings { margin: 0 12px 6px; padding: 6px 8px; list-style: none; background: #fffbeb; color: #92400e; font-size: 12px; }
.ap-filter { display: flex; align-items: center; margin: 4px 12px 8px; font-size: 12px; }
.ap-filter select { font-size: 12px; padding: 2px; margin-left: 6px; }
.ap-empty { margin: 12px; padding: 12px; background: #f0fdf4; color: #166534; border-radius: 4px; }
.ap-group h3 { font-size: 13px; margin: 8px 12px 4px; }
.ap-group.ap-error h3 { color: #b91c1c; } .ap-group.ap-warning h3 { color: #92400e; } .ap-group.ap-info h3 { color: #1d4ed8; } .ap-group.ap-review h3 { color: #4b5563; }
.ap-group ul { list-style: none; margin: 0; padding: 0 8px; }
.ap-group li { margin: 0 0 6px; }
.ap-item { display: block; width: 100%; text-align: left; background: #fff; border: 1px solid #e5e7eb; border-left: 4px solid #9ca3af; border-radius: 4px; padding: 6px 8px; cursor: pointer; font: inherit; color: inherit; }
.ap-error .ap-item { border-left-color: #b91c1c; } .ap-warning .ap-item { border-left-color: #b45309; } .ap-info .ap-item { border-left-color: #1d4ed8; }
.ap-item:hover, .ap-item:focus { background: #f9fafb; outline: 2px solid #2563eb; outline-offset: -2px; }
.ap-item span { display: block; }
.ap-title { font-weight: 600; }
.ap-field { font-size: 12px; color: #374151; }
.ap-msg { overflow-wrap: anywhere; }
${WHOLE_WORDS_CSS}
.ap-basis { font-size: 11px; color: #4b5563; }
.ap-doc { font-size: 11px; margin-left: 6px; color: #1d4ed8; }
${READING_CSS}
`;

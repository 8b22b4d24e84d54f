/** The log's rows: status, level, problem with its message, case, unit, officers, when, and the review with its history. */
import type { SortKey } from '../../lib/db/query';
import { beijingTime } from '../../lib/db/csv';
import { type FindingEvent, type FindingRow } from '../../lib/db/rows';
import { dismissLabel, EVENT_NAMES, statusLabel, subjectiveLabel } from '../../lib/db/review-vocabulary';
import { fieldLabel } from '../../rules/fields';
import { rowLabel } from '../../rules/format';
import type { Pack } from '../../rules/pack';
import { useLocale, useTr, Zh } from '../locale';
import { TONES, toneOf } from '../severity';
import { WholeWords } from '../WholeWords';
import type { ReviewAction } from './ReviewBar';

const COLUMNS: { key: SortKey | null; label: [string, string] }[] = [
  { key: null, label: ['状态', 'Status'] },
  { key: 'severity', label: ['级别', 'Level'] },
  { key: 'ruleId', label: ['问题', 'Problem'] },
  { key: 'caseKey', label: ['案件编号', 'Case number'] },
  { key: 'unit', label: ['办案单位', 'Unit'] },
  { key: null, label: ['办案民警', 'Officers'] },
  { key: 'firstSeen', label: ['首次发现', 'First seen'] },
  { key: 'lastSeen', label: ['最近发现', 'Last seen'] },
  { key: null, label: ['次数', 'Times'] },
  { key: null, label: ['审核', 'Review'] },
];

export interface Sort {
  key: SortKey;
  desc: boolean;
}

export function LogTable({
  rows,
  pack,
  sort,
  onSort,
  selected,
  onSelected,
  reviewer,
  onAct,
}: {
  rows: FindingRow[];
  pack: Pack;
  sort: Sort;
  onSort: (key: SortKey) => void;
  selected: Set<string>;
  onSelected: (next: Set<string>) => void;
  /** Per-row review buttons (法制审核员 only). */
  reviewer: boolean;
  onAct: (action: ReviewAction, ids: string[]) => void;
}) {
  const tr = useTr();
  const locale = useLocale();
  const title = (id: string) => pack.rules.find((r) => r.id === id)?.title[locale] ?? id;
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const n = new Set(selected);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    onSelected(n);
  };
  return (
    <table class="log-table">
      <thead>
        <tr>
          <th>
            <input
              type="checkbox"
              aria-label={tr('选择本页全部', 'Select all on this page')}
              checked={allOnPage}
              onChange={() => onSelected(allOnPage ? new Set([...selected].filter((id) => !rows.some((r) => r.id === id))) : new Set([...selected, ...rows.map((r) => r.id)]))}
            />
          </th>
          {COLUMNS.map((c) => (
            <th key={c.label[1]} aria-sort={c.key && sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
              {c.key ? (
                <button type="button" class="sort" onClick={() => onSort(c.key!)}>
                  {tr(...c.label)}
                  {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
              ) : (
                tr(...c.label)
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const tone = TONES[toneOf(r)];
          const what = `${r.caseNumber} ${title(r.ruleId)}`;
          return (
            <tr key={r.id} data-row-id={r.id} data-status={r.status}>
              <td>
                <input type="checkbox" aria-label={`${tr('选择', 'Select')} ${r.caseNumber} ${r.ruleId}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
              </td>
              <td>{statusLabel(r.status, tr)}</td>
              <td style={{ color: tone.colour, whiteSpace: 'nowrap' }}>
                {tone.icon} {tr(tone.zh, tone.en)}
              </td>
              <td>
                <div>
                  <b>{title(r.ruleId)}</b>{' '}
                  <span class="muted">
                    <Zh text={fieldLabel(r.fieldKey)} />
                    {rowLabel(r.row, r.rows, tr)}
                  </span>
                </div>
                <div class="msg" {...(locale === 'en' ? { lang: 'zh-CN' } : {})}>
                  <WholeWords text={r.message} />
                </div>
              </td>
              <td>
                <a href={r.pageUrl} target="_blank" rel="noopener noreferrer">
                  {r.caseNumber ? <Zh text={r.caseNumber} /> : tr('（无编号）', '(no number)')}
                </a>
              </td>
              <td>
                <Zh text={r.unit ?? ''} />
              </td>
              <td>
                <Zh text={r.officers.join('、')} />
              </td>
              <td class="num">{beijingTime(r.firstSeen)}</td>
              <td class="num">{beijingTime(r.lastSeen)}</td>
              <td class="num">{r.timesSeen}</td>
              <td>
                <Zh text={r.reviewer ?? ''} />
                {r.subjectiveLevel ? ` · ${subjectiveLabel(r.subjectiveLevel, tr)}` : ''}
                {r.dismissReason ? ` · ${dismissLabel(r.dismissReason, tr)}` : ''}
                {r.note ? (
                  <div class="muted">
                    <Zh text={r.note} />
                  </div>
                ) : null}
                {reviewer ? (
                  <div class="row-actions">
                    <button type="button" aria-label={`${tr('确认', 'Confirm')} ${what}`} onClick={() => onAct('confirm', [r.id])}>
                      {tr('确认', 'Confirm')}
                    </button>
                    <button type="button" aria-label={`${tr('排除', 'Dismiss')} ${what}`} onClick={() => onAct('dismiss', [r.id])}>
                      {tr('排除', 'Dismiss')}
                    </button>
                    <button type="button" aria-label={`${tr('重新打开', 'Reopen')} ${what}`} onClick={() => onAct('reopen', [r.id])}>
                      {tr('重开', 'Reopen')}
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
  );
}

/** A finding's history in the row: who did what, when, with what note. */
function History({ events }: { events: readonly FindingEvent[] }) {
  const tr = useTr();
  if (!events.length) return null;
  return (
    <details class="history">
      <summary>{tr(`历史（${events.length}）`, `History (${events.length})`)}</summary>
      <ol>
        {events.map((e) => (
          <li key={`${e.event}${e.at}${e.reviewer ?? ''}`} data-event={e.event}>
            <span class="num">{beijingTime(e.at)}</span> {tr(...EVENT_NAMES[e.event])}
            {e.reviewer ? (
              <>
                {' · '}
                <Zh text={`${e.reviewer}${e.reviewerUnit ? `（${e.reviewerUnit}）` : ''}`} />
              </>
            ) : null}
            {e.subjectiveLevel ? ` · ${subjectiveLabel(e.subjectiveLevel, tr)}` : ''}
            {e.dismissReason ? ` · ${dismissLabel(e.dismissReason, tr)}` : ''}
            {e.note ? (
              <>
                {tr(' · 备注：', ' · note: ')}
                <Zh text={e.note} />
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

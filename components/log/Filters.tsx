/** The log's filters: text, last-seen dates, unit, officer, rule, category, level and status. */
import type { LogFilter } from '../../lib/db/query';
import { STATUSES, statusLabel } from '../../lib/db/review-vocabulary';
import type { Pack } from '../../rules/pack';
import { LEVEL_NAMES } from '../../rules/levels';
import { useLocale, useTr } from '../locale';

export interface FilterState {
  filter: LogFilter;
  dates: { from: string; to: string };
}

export function Filters({
  state,
  options,
  pack,
  onFilter,
  onDates,
  onReset,
}: {
  state: FilterState;
  options: { units: string[]; rules: string[]; categories: string[] };
  pack: Pack;
  onFilter: (patch: Partial<LogFilter>) => void;
  onDates: (patch: Partial<FilterState['dates']>) => void;
  onReset: () => void;
}) {
  const tr = useTr();
  const locale = useLocale();
  const { filter, dates } = state;
  const all = <option value="">{tr('全部', 'All')}</option>;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <section class="card filters" aria-label={tr('筛选', 'Filters')}>
      <label>
        {tr('搜索', 'Search')}{' '}
        <input type="search" placeholder={tr('案件编号、民警、问题说明…', 'Case number, officer, message…')} value={filter.text ?? ''} onInput={(e) => onFilter({ text: value(e) })} />
      </label>
      <label>
        {tr('最近发现 从', 'Last seen from')} <input type="date" value={dates.from} onChange={(e) => onDates({ from: value(e) })} />
      </label>
      <label>
        {tr('至', 'to')} <input type="date" value={dates.to} onChange={(e) => onDates({ to: value(e) })} />
      </label>
      <label>
        {tr('办案单位', 'Unit')}{' '}
        <select value={filter.unit ?? ''} onChange={(e) => onFilter({ unit: value(e) || undefined })}>
          {all}
          {options.units.map((u) => (
            <option key={u} lang="zh-CN">
              {u}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('民警', 'Officer')} <input type="text" value={filter.officer ?? ''} onInput={(e) => onFilter({ officer: value(e) || undefined })} />
      </label>
      <label>
        {tr('规则', 'Rule')}{' '}
        <select value={filter.ruleId ?? ''} onChange={(e) => onFilter({ ruleId: value(e) || undefined })}>
          {all}
          {options.rules.map((r) => (
            <option key={r} value={r}>
              {pack.rules.find((x) => x.id === r)?.title[locale] ?? r}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('类别', 'Category')}{' '}
        <select value={filter.category ?? ''} onChange={(e) => onFilter({ category: value(e) || undefined })}>
          {all}
          {options.categories.map((c) => (
            <option key={c} value={c}>
              {pack.categories[c]?.[locale] ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('级别', 'Level')}{' '}
        <select value={filter.severity ?? ''} onChange={(e) => onFilter({ severity: (value(e) || undefined) as LogFilter['severity'] })}>
          {all}
          {(['error', 'warning', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {tr(...LEVEL_NAMES[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('状态', 'Status')}{' '}
        <select value={filter.status ?? ''} onChange={(e) => onFilter({ status: (value(e) || undefined) as LogFilter['status'] })}>
          {all}
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, tr)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onReset}>
        {tr('重置', 'Reset')}
      </button>
    </section>
  );
}

/**
 * The reviewer's bar: how many findings are ticked, the inputs of the next review action (主观方面,
 * 排除原因 — no default —, 备注) and the three actions. The same inputs serve a row's own buttons.
 */
import { DISMISS_REASONS, SUBJECTIVE_LEVELS, dismissLabel, subjectiveLabel, type DismissReason, type SubjectiveLevel } from '../../lib/db/review-vocabulary';
import { useTr } from '../locale';

export type ReviewAction = 'confirm' | 'dismiss' | 'reopen';
export interface ReviewInputs {
  level: SubjectiveLevel | '';
  reason: DismissReason | '';
  note: string;
}
export const NO_INPUTS: ReviewInputs = { level: '', reason: '', note: '' };

export function ReviewBar({
  selected,
  inputs,
  onInputs,
  onSelectAll,
  onAct,
}: {
  selected: number;
  inputs: ReviewInputs;
  onInputs: (patch: Partial<ReviewInputs>) => void;
  onSelectAll: () => void;
  onAct: (action: ReviewAction) => void;
}) {
  const tr = useTr();
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <section class="card bulk" aria-label={tr('批量处理', 'Review')}>
      <span>
        {tr('已选 ', 'Selected ')}
        <b data-selected>{selected}</b>
        {tr(' 条', '')}
      </span>
      <button type="button" onClick={onSelectAll}>
        {tr('选择全部筛选结果', 'Select everything the filter matches')}
      </button>
      <span class="sep" />
      <label>
        {tr('主观方面', 'Culpability')}{' '}
        <select value={inputs.level} onChange={(e) => onInputs({ level: value(e) as ReviewInputs['level'] })} aria-label={tr('主观方面', 'Culpability')}>
          <option value="">{tr('（未认定）', '(not assessed)')}</option>
          {SUBJECTIVE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {subjectiveLabel(l, tr)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('排除原因', 'Dismissal reason')}{' '}
        <select value={inputs.reason} onChange={(e) => onInputs({ reason: value(e) as ReviewInputs['reason'] })} aria-label={tr('排除原因', 'Dismissal reason')}>
          <option value="">{tr('（请选择）', '(choose)')}</option>
          {DISMISS_REASONS.map((r) => (
            <option key={r} value={r}>
              {dismissLabel(r, tr)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('备注', 'Note')} <input type="text" value={inputs.note} onInput={(e) => onInputs({ note: value(e) })} aria-label={tr('备注', 'Note')} />
      </label>
      <button type="button" class="primary" onClick={() => onAct('confirm')}>
        {tr('确认问题', 'Confirm')}
      </button>
      <button type="button" onClick={() => onAct('dismiss')}>
        {tr('排除', 'Dismiss')}
      </button>
      <button type="button" onClick={() => onAct('reopen')}>
        {tr('重新打开', 'Reopen')}
      </button>
    </section>
  );
}

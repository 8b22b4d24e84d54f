/** 角色: officer (inline warnings) or reviewer (also the audit panel and the review workflow). */
import { useEffect, useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import type { Role } from '../../lib/config/schema';
import { updateSettings } from '../../lib/config/store';
import { errorText, NoticeBanner, Section, useTr, type Notice } from './common';

export function RoleSection({ config }: { config: EffectiveConfig }) {
  const tr = useTr();
  const s = config.settings;
  const [role, setRole] = useState<Role>(s.role);
  const [name, setName] = useState(s.reviewerName ?? '');
  const [unit, setUnit] = useState(s.reviewerUnit ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    setRole(s.role);
    setName(s.reviewerName ?? '');
    setUnit(s.reviewerUnit ?? '');
  }, [s.role, s.reviewerName, s.reviewerUnit]);
  const locked = (k: 'role' | 'reviewerName' | 'reviewerUnit') => config.locked.has(k);
  const lockMark = (k: 'role' | 'reviewerName' | 'reviewerUnit') => (locked(k) ? <span title={tr('单位策略锁定', 'Locked by policy')}> 🔒</span> : null);

  return (
    <Section id="role" title={tr('角色', 'Role')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void updateSettings({ role, reviewerName: name.trim() || null, reviewerUnit: unit.trim() || null })
            .then(() => setNotice({ kind: 'ok', text: tr('已保存。已打开的案件页面随即按新角色显示。', 'Saved. Open case pages follow the new role at once.') }))
            .catch((err) => setNotice({ kind: 'error', text: errorText(err) }));
        }}
      >
        <fieldset disabled={locked('role')} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            {tr('我是', 'I am')}
            {lockMark('role')}
          </legend>
          <label>
            <input type="radio" name="role" value="officer" checked={role === 'officer'} onChange={() => setRole('officer')} />{' '}
            {tr('办案民警：填写时在字段旁提示问题', 'Case officer: warnings beside the fields while typing')}
          </label>
          <br />
          <label>
            <input type="radio" name="role" value="reviewer" checked={role === 'reviewer'} onChange={() => setRole('reviewer')} />{' '}
            {tr('法制审核员：另有审核面板（Alt+Shift+A）和问题台账的确认、排除', 'Legal reviewer: also the audit panel (Alt+Shift+A) and confirming or dismissing findings in the log')}
          </label>
        </fieldset>
        <p>
          <label>
            {tr('审核人姓名', "Reviewer's name")}
            {lockMark('reviewerName')}{' '}
            <input name="reviewerName" value={name} disabled={locked('reviewerName')} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <label>
            {tr('所在单位', 'Unit')}
            {lockMark('reviewerUnit')}{' '}
            {config.units.length ? (
              <select name="reviewerUnit" value={unit} disabled={locked('reviewerUnit')} onChange={(e) => setUnit((e.target as HTMLSelectElement).value)}>
                <option value="">{tr('（请选择）', '(choose)')}</option>
                {config.units.map((u) => (
                  <option value={u}>{u}</option>
                ))}
              </select>
            ) : (
              <input name="reviewerUnit" value={unit} disabled={locked('reviewerUnit')} onInput={(e) => setUnit((e.target as HTMLInputElement).value)} />
            )}
          </label>
        </p>
        <button type="submit" class="primary">
          {tr('保存', 'Save')}
        </button>
      </form>
      <NoticeBanner notice={notice} />
    </Section>
  );
}

/**
 * 规则: every rule of the pack in force with its four guideline parts; the user's switches,
 * severities and due-soon windows are stored apart from the pack, so a new pack keeps them.
 */
import { useMemo, useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import type { RuleOverride } from '../../lib/config/schema';
import { setRuleOverride } from '../../lib/config/store';
import { compilePack } from '../../rules/engine';
import type { Rule, Severity } from '../../rules/pack';
import { basisText } from '../RuleDoc';
import { TONES } from '../severity';
import { errorText, LockNote, NoticeBanner, Section, usePending, useTr, type Notice } from './common';

/** Two overrides say the same (undefined parts and an absent override are the same). */
function sameOverride(a: RuleOverride | undefined, b: RuleOverride | undefined): boolean {
  const clean = (o: RuleOverride | undefined) => JSON.stringify(Object.entries(o ?? {}).filter(([, v]) => v !== undefined).sort());
  return clean(a) === clean(b);
}

const hasDeadline = (rule: Rule) => JSON.stringify(rule.check).includes('"type":"deadline"');

export function RulesSection({ config }: { config: EffectiveConfig }) {
  const tr = useTr();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [filter, setFilter] = useState('');
  const compiled = useMemo(() => compilePack(config.pack), [config.pack]);
  const locked = config.locked.has('rules');
  const { view: overrides, choose, drop } = usePending(config.ruleOverrides, sameOverride);
  const save = (rule: Rule, patch: RuleOverride) => {
    const next = { ...overrides[rule.id], ...patch };
    choose(rule.id, next);
    void setRuleOverride(rule.id, next)
      .then(() => setNotice({ kind: 'ok', text: tr(`已保存“${rule.title['zh-CN']}”的设置。`, `Saved the settings of "${rule.title.en}".`) }))
      .catch((err) => {
        drop(rule.id);
        setNotice({ kind: 'error', text: errorText(err) });
      });
  };
  const shown = config.pack.rules.filter((r) => !filter || r.id.includes(filter) || r.title['zh-CN'].includes(filter) || r.title.en.toLowerCase().includes(filter.toLowerCase()));
  const sevLabel = (s: Severity) => tr(TONES[s].zh, TONES[s].en);

  return (
    <Section id="rules" title={tr('规则', 'Rules')}>
      <p class="muted">
        {tr(
          `当前规则包 ${config.pack.name['zh-CN']}（${config.pack.version}），共 ${config.pack.rules.length} 条。此处的调整单独保存，导入新规则包后仍然有效。`,
          `Pack in force: ${config.pack.name.en} (${config.pack.version}), ${config.pack.rules.length} rules. These settings are kept apart from the pack and survive a new pack.`,
        )}
      </p>
      <LockNote config={config} what="rules" />
      <p>
        <label>
          {tr('查找规则', 'Find a rule')}{' '}
          <input type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        </label>
      </p>
      <NoticeBanner notice={notice} />
      <table class="rules">
        <thead>
          <tr>
            <th>{tr('规则', 'Rule')}</th>
            <th>{tr('启用', 'On')}</th>
            <th>{tr('级别', 'Severity')}</th>
            <th>{tr('临期提醒（小时）', 'Due-soon window (hours)')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((rule) => {
            const o = overrides[rule.id] ?? {};
            return (
              <tr data-rule={rule.id}>
                <td>
                  <details>
                    <summary>
                      <strong>{tr(rule.title['zh-CN'], rule.title.en)}</strong> <code>{rule.id}</code>
                    </summary>
                    <dl class="parts">
                      <dt>{tr('行为规范', 'Conduct norm')}</dt>
                      {/* The guideline is quoted as written (Chinese) in both locales. */}
                      <dd lang="zh-CN">{rule.guideline.norm}</dd>
                      <dt>{tr('相关依据', 'Legal basis')}</dt>
                      <dd lang="zh-CN">
                        {basisText(compiled, rule).map((b) => (
                          <div>{b}</div>
                        ))}
                      </dd>
                      <dt>{tr('常见顽疾', 'Common problems')}</dt>
                      <dd lang="zh-CN">{rule.guideline.chronicProblem}</dd>
                      <dt>{tr('巡查标准', 'Patrol standard')}</dt>
                      <dd lang="zh-CN">{rule.guideline.patrolStandard}</dd>
                    </dl>
                  </details>
                </td>
                <td>
                  <input
                    type="checkbox"
                    name="enabled"
                    checked={o.enabled !== false}
                    disabled={locked}
                    aria-label={tr(`启用“${rule.title['zh-CN']}”`, `Enable "${rule.title.en}"`)}
                    onChange={(e) => save(rule, { enabled: (e.target as HTMLInputElement).checked ? undefined : false })}
                  />
                </td>
                <td>
                  <select
                    name="severity"
                    value={o.severity ?? ''}
                    disabled={locked}
                    aria-label={tr(`“${rule.title['zh-CN']}”的级别`, `Severity of "${rule.title.en}"`)}
                    onChange={(e) => save(rule, { severity: ((e.target as HTMLSelectElement).value || undefined) as Severity | undefined })}
                  >
                    <option value="">
                      {tr('默认', 'Default')}：{sevLabel(rule.severity)}
                    </option>
                    {(['error', 'warning', 'info'] as const).map((s) => (
                      <option value={s}>{sevLabel(s)}</option>
                    ))}
                  </select>
                </td>
                <td>
                  {hasDeadline(rule) ? (
                    <DueSoonInput
                      value={o.dueSoonCapHours}
                      disabled={locked}
                      label={tr(`“${rule.title['zh-CN']}”的临期提醒小时数`, `Due-soon hours of "${rule.title.en}"`)}
                      onSave={(hours) => save(rule, { dueSoonCapHours: hours })}
                      onError={(text) => setNotice({ kind: 'error', text })}
                    />
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

function DueSoonInput(props: { value?: number; disabled: boolean; label: string; onSave: (h: number | undefined) => void; onError: (text: string) => void }) {
  const tr = useTr();
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  return (
    <input
      name="dueSoonCapHours"
      inputMode="decimal"
      placeholder="24"
      size={5}
      value={text}
      disabled={props.disabled}
      aria-label={props.label}
      onInput={(e) => setText((e.target as HTMLInputElement).value)}
      onChange={() => {
        if (!text.trim()) return props.onSave(undefined);
        const n = Number(text);
        if (!Number.isFinite(n) || n <= 0 || n > 720) return props.onError(tr('临期提醒应为 1 到 720 之间的小时数，留空用默认的 24 小时。', 'The due-soon window is 1 to 720 hours; leave it empty for the default 24.'));
        props.onSave(n);
      }}
    />
  );
}

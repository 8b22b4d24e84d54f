/**
 * The rule documentation page, generated from the pack: each rule's four guideline parts
 * (行为规范、相关依据、常见顽疾、巡查标准), its legal basis, its check and its examples with what
 * CaseLint says about them. Reached from every inline warning (`rule.html#<rule id>`).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { compilePack, evaluate, type CompiledPack } from '../rules/engine';
import { fieldLabel } from '../rules/fields';
import type { Example, Pack, Rule } from '../rules/pack';
import { exampleSnapshots, exampleNow } from '../rules/examples';
import { TONES } from './severity';
import { useLocale, useTr, Zh } from './locale';

const SCOPE = { criminal: ['刑事', 'criminal'], administrative: ['行政', 'administrative'], both: ['刑事、行政', 'criminal and administrative'] } as const;

export function basisText(compiled: CompiledPack, rule: Rule): string[] {
  const c = compiled.byId?.get(rule.id);
  return c ? c.lawRefs.map((r) => `${r.law}${r.point}`) : [];
}

function ExampleRow({ compiled, rule, example, expected }: { compiled: CompiledPack; rule: Rule; example: Example; expected: 'pass' | 'fail' }) {
  const tr = useTr();
  const locale = useLocale();
  const result = evaluate(compiled, exampleSnapshots(example), { now: exampleNow(example), only: new Set([rule.id]), locale });
  const findings = result.findings.filter((f) => f.ruleId === rule.id);
  return (
    <tr>
      <td>{expected === 'pass' ? tr('合规', 'Compliant') : example.expect?.kind === 'needs-review' ? tr('需核实', 'Needs review') : tr('违规', 'Violation')}</td>
      <td>
        <Zh text={example.name} />
      </td>
      <td>
        {Object.entries(example.fields).map(([k, v]) => (
          <div key={k}>
            <Zh text={`${fieldLabel(k)}：${Array.isArray(v) ? v.map((x) => x ?? '（空）').join(' ／ ') : (v ?? '（空）') || '（空）'}`} />
          </div>
        ))}
        {example.now ? (
          <div class="muted">
            {tr('当前时间：', 'Now: ')}
            {example.now}
          </div>
        ) : null}
      </td>
      <td>
        {findings.length ? (
          findings.map((f) => (
            <div key={f.message}>
              <Zh text={f.message} />
            </div>
          ))
        ) : (
          <span class="muted">{tr('通过', 'Passes')}</span>
        )}
      </td>
    </tr>
  );
}

function RuleCard({ compiled, rule, categories }: { compiled: CompiledPack; rule: Rule; categories: Pack['categories'] }) {
  const tr = useTr();
  const locale = useLocale();
  const tone = TONES[rule.severity];
  return (
    <article class="card" id={rule.id}>
      <h2>{rule.title[locale]}</h2>
      <div class="meta">
        <code>{rule.id}</code>
        <span class="sev" style={{ color: tone.colour, background: tone.tint }}>
          {tone.icon} {tr(tone.zh, tone.en)}
        </span>
        <span class="chip">{categories[rule.category]?.[locale] ?? rule.category}</span>
        <span class="chip">
          {tr('适用：', 'Applies to: ')}
          {tr(SCOPE[rule.scope][0], SCOPE[rule.scope][1])}
          {rule.adminTypes ? <Zh text={`（${rule.adminTypes.join('、')}）`} /> : ''}
        </span>
      </div>
      {locale === 'en' ? <p class="muted">The guideline's four parts are quoted as written (Chinese).</p> : null}
      <dl class="parts">
        <dt>{tr('行为规范', 'Conduct rule')}</dt>
        <dd>
          <Zh text={rule.guideline.norm} />
        </dd>
        <dt>{tr('相关依据', 'Legal basis')}</dt>
        <dd>
          {basisText(compiled, rule).map((b) => (
            <div key={b}>
              <Zh text={b} />
            </div>
          ))}
          {rule.guideline.basisNote ? (
            <div class="muted">
              <Zh text={rule.guideline.basisNote} />
            </div>
          ) : null}
        </dd>
        <dt>{tr('常见顽疾', 'Chronic problem')}</dt>
        <dd>
          <Zh text={rule.guideline.chronicProblem} />
        </dd>
        <dt>{tr('巡查标准', 'Patrol standard')}</dt>
        <dd>
          <Zh text={rule.guideline.patrolStandard} />
        </dd>
      </dl>
      <h3>{tr('示例', 'Examples')}</h3>
      <table>
        <thead>
          <tr>
            <th style={{ width: '56px' }}>{tr('类型', 'Kind')}</th>
            <th style={{ width: '180px' }}>{tr('情形', 'Case')}</th>
            <th>{tr('字段取值', 'Field values')}</th>
            <th>{tr('CaseLint 的结论', 'What CaseLint says')}</th>
          </tr>
        </thead>
        <tbody>
          {rule.examples.pass.map((ex) => (
            <ExampleRow key={`p${ex.name}`} compiled={compiled} rule={rule} example={ex} expected="pass" />
          ))}
          {rule.examples.fail.map((ex) => (
            <ExampleRow key={`f${ex.name}`} compiled={compiled} rule={rule} example={ex} expected="fail" />
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function RuleDocs({ pack }: { pack: Pack }) {
  const tr = useTr();
  const locale = useLocale();
  const compiled = useMemo(() => compilePack(pack), [pack]);
  const [hash, setHash] = useState(() => decodeURIComponent(location.hash.slice(1)));
  useEffect(() => {
    const on = () => setHash(decodeURIComponent(location.hash.slice(1)));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const selected = pack.rules.find((r) => r.id === hash);
  useEffect(() => {
    const page = tr('CaseLint 规则说明', 'CaseLint rules');
    document.title = selected ? `${selected.title[locale]} — ${page}` : page;
  }, [selected, locale]);
  const byCategory = Object.keys(pack.categories).map((c) => [c, pack.rules.filter((r) => r.category === c)] as const);
  return (
    <div class="page">
      <h1>
        {tr('CaseLint 规则说明', 'CaseLint rules')}{' '}
        <span class="muted" style={{ fontSize: '13px', fontWeight: 'normal' }}>
          {pack.name[locale]} · {pack.version} · {tr(`共 ${pack.rules.length} 条`, `${pack.rules.length} rules`)}
        </span>
      </h1>
      <div class="layout">
        <nav class="toc" aria-label={tr('规则目录', 'Rules')}>
          {byCategory.map(([c, rules]) =>
            rules.length ? (
              <div key={c}>
                <h4>{pack.categories[c]?.[locale]}</h4>
                {rules.map((r) => (
                  <a key={r.id} href={`#${r.id}`} class={r.id === hash ? 'current' : ''}>
                    {r.title[locale]}
                  </a>
                ))}
              </div>
            ) : null,
          )}
        </nav>
        <main>
          {selected ? (
            <RuleCard compiled={compiled} rule={selected} categories={pack.categories} />
          ) : (
            pack.rules.map((r) => <RuleCard key={r.id} compiled={compiled} rule={r} categories={pack.categories} />)
          )}
        </main>
      </div>
    </div>
  );
}

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

const SCOPE = { criminal: '刑事', administrative: '行政', both: '刑事、行政' } as const;

export function basisText(compiled: CompiledPack, rule: Rule): string[] {
  const c = compiled.byId?.get(rule.id);
  return c ? c.lawRefs.map((r) => `${r.law}${r.point}`) : [];
}

function ExampleRow({ compiled, rule, example, expected }: { compiled: CompiledPack; rule: Rule; example: Example; expected: 'pass' | 'fail' }) {
  const result = evaluate(compiled, exampleSnapshots(example), { now: exampleNow(example), only: new Set([rule.id]) });
  const findings = result.findings.filter((f) => f.ruleId === rule.id);
  return (
    <tr>
      <td>{expected === 'pass' ? '合规' : example.expect?.kind === 'needs-review' ? '需核实' : '违规'}</td>
      <td>{example.name}</td>
      <td>
        {Object.entries(example.fields).map(([k, v]) => (
          <div key={k}>
            {fieldLabel(k)}：{Array.isArray(v) ? v.map((x) => x ?? '（空）').join(' ／ ') : (v ?? '（空）') || '（空）'}
          </div>
        ))}
        {example.now ? <div class="muted">当前时间：{example.now}</div> : null}
      </td>
      <td>{findings.length ? findings.map((f) => <div key={f.message}>{f.message}</div>) : <span class="muted">通过</span>}</td>
    </tr>
  );
}

function RuleCard({ compiled, rule, categories }: { compiled: CompiledPack; rule: Rule; categories: Pack['categories'] }) {
  const tone = TONES[rule.severity];
  return (
    <article class="card" id={rule.id}>
      <h2>{rule.title['zh-CN']}</h2>
      <div class="meta">
        <code>{rule.id}</code>
        <span class="sev" style={{ color: tone.colour, background: tone.tint }}>
          {tone.icon} {tone.zh}
        </span>
        <span class="chip">{categories[rule.category]?.['zh-CN'] ?? rule.category}</span>
        <span class="chip">适用：{SCOPE[rule.scope]}{rule.adminTypes ? `（${rule.adminTypes.join('、')}）` : ''}</span>
      </div>
      <dl class="parts">
        <dt>行为规范</dt>
        <dd>{rule.guideline.norm}</dd>
        <dt>相关依据</dt>
        <dd>
          {basisText(compiled, rule).map((b) => (
            <div key={b}>{b}</div>
          ))}
          {rule.guideline.basisNote ? <div class="muted">{rule.guideline.basisNote}</div> : null}
        </dd>
        <dt>常见顽疾</dt>
        <dd>{rule.guideline.chronicProblem}</dd>
        <dt>巡查标准</dt>
        <dd>{rule.guideline.patrolStandard}</dd>
      </dl>
      <h3>示例</h3>
      <table>
        <thead>
          <tr>
            <th style={{ width: '56px' }}>类型</th>
            <th style={{ width: '180px' }}>情形</th>
            <th>字段取值</th>
            <th>CaseLint 的结论</th>
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
  const compiled = useMemo(() => compilePack(pack), [pack]);
  const [hash, setHash] = useState(() => decodeURIComponent(location.hash.slice(1)));
  useEffect(() => {
    const on = () => setHash(decodeURIComponent(location.hash.slice(1)));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const selected = pack.rules.find((r) => r.id === hash);
  useEffect(() => {
    document.title = selected ? `${selected.title['zh-CN']} — CaseLint 规则说明` : 'CaseLint 规则说明';
  }, [selected]);
  const byCategory = Object.keys(pack.categories).map((c) => [c, pack.rules.filter((r) => r.category === c)] as const);
  return (
    <div class="page">
      <h1>
        CaseLint 规则说明 <span class="muted" style={{ fontSize: '13px', fontWeight: 'normal' }}>{pack.name['zh-CN']} · {pack.version} · 共 {pack.rules.length} 条</span>
      </h1>
      <div class="layout">
        <nav class="toc" aria-label="规则目录">
          {byCategory.map(([c, rules]) =>
            rules.length ? (
              <div key={c}>
                <h4>{pack.categories[c]?.['zh-CN']}</h4>
                {rules.map((r) => (
                  <a key={r.id} href={`#${r.id}`} class={r.id === hash ? 'current' : ''}>
                    {r.title['zh-CN']}
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

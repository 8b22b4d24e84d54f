/**
 * Every rule's pass and fail examples, one generated test each (axe-core's per-rule fixtures),
 * and the conventions that hold the default pack to the guideline: every rule id of
 * ../shared/domain/guideline.md is in the pack with its severity and scope.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePack, evaluate } from '../../rules/engine';
import { exampleNow, exampleSnapshots } from '../../rules/examples';
import { defaultPack } from '../../rules/packs/default';

const pack = defaultPack();
const compiled = compilePack(pack);

describe('default pack examples', () => {
  for (const rule of pack.rules) {
    describe(rule.id, () => {
      for (const example of rule.examples.pass) {
        it(`passes: ${example.name}`, () => {
          const result = evaluate(compiled, exampleSnapshots(example), { now: exampleNow(example) });
          expect(result.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
          expect(result.passed).toContain(rule.id);
        });
      }
      for (const example of rule.examples.fail) {
        it(`fails: ${example.name}`, () => {
          const result = evaluate(compiled, exampleSnapshots(example), { now: exampleNow(example) });
          const findings = result.findings.filter((f) => f.ruleId === rule.id);
          expect(findings.length, JSON.stringify(result.findings.map((f) => f.message))).toBeGreaterThan(0);
          const e = example.expect ?? {};
          const f = findings.find((x) => e.row === undefined || x.row === e.row);
          expect(f, `a finding in row ${e.row}`).toBeDefined();
          expect(f!.kind).toBe(e.kind ?? 'violation');
          if (e.severity) expect(f!.severity).toBe(e.severity);
          if (e.fieldKey) expect(f!.fieldKey).toBe(e.fieldKey);
          if (e.messageIncludes) expect(f!.message).toContain(e.messageIncludes);
          if (e.basisIncludes) expect(f!.basis).toContain(e.basisIncludes);
          if (e.basisExcludes) expect(f!.basis).not.toContain(e.basisExcludes);
          // Every message is complete: no placeholder left, a legal basis named.
          expect(f!.message).not.toMatch(/\{\{|\}\}/);
          expect(f!.basis).toMatch(/《.+》/);
        });
      }
    });
  }
});

describe('the default pack follows the guideline', () => {
  const guidelinePath = resolve('../shared/domain/guideline.md');
  it('finds the guideline beside the project', () => {
    expect(existsSync(guidelinePath), `${guidelinePath} is missing`).toBe(true);
  });
  const text = existsSync(guidelinePath) ? readFileSync(guidelinePath, 'utf8') : '';
  const entries = [...text.matchAll(/^- \*\*([a-z0-9-]+)\*\* \((error|warning|info); ([^)]*)\)/gm)].map((m) => ({
    id: m[1]!,
    severity: m[2]!,
    scope: m[3]!,
  }));

  it('implements every rule of the catalogue, and no rule it does not name', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(pack.rules.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  for (const e of entries) {
    it(`${e.id}: severity ${e.severity}, scope ${e.scope}`, () => {
      const rule = pack.rules.find((r) => r.id === e.id)!;
      expect(rule.severity).toBe(e.severity);
      const scope = e.scope.startsWith('both') ? 'both' : e.scope.startsWith('刑事') ? 'criminal' : 'administrative';
      expect(rule.scope).toBe(scope);
    });
  }

  it('every rule carries its own messages, in Chinese and in English', () => {
    for (const r of pack.rules) {
      const messages = Object.values(r.messages);
      expect(messages.length, r.id).toBeGreaterThan(0);
      for (const m of messages) expect(m['zh-CN'] && m.en, r.id).toBeTruthy();
    }
  });

  it('covers at least 25 problem kinds (常见顽疾), each rule with its four parts', () => {
    expect(new Set(pack.rules.map((r) => r.guideline.chronicProblem)).size).toBeGreaterThanOrEqual(25);
    for (const r of pack.rules) {
      expect(r.guideline.norm && r.guideline.chronicProblem && r.guideline.patrolStandard, r.id).toBeTruthy();
      expect(r.guideline.basis.length, r.id).toBeGreaterThan(0);
    }
  });
});

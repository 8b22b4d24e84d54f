/**
 * Twenty-three malformed packs, each rejected with its errors by path, also through the options page's
 * import, which leaves the pack in force as it was; a valid pack is never changed by a rejected one (the plugin's loadPack keeps the old pack — see test/e2e/plugin.spec.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyPack, loadConfig } from '../../lib/config/store';
import { validatePack } from '../../rules/pack';
import { defaultPackData } from '../../rules/packs/default';

type Json = Record<string, unknown> & { rules: Record<string, unknown>[] };
const base = (): Json => JSON.parse(JSON.stringify(defaultPackData));
const rule = (p: Json, i: number) => p.rules[i] as Record<string, unknown> & { check: Record<string, unknown>; guideline: Record<string, unknown>; examples: Record<string, unknown[]> };

const CASES: [string, () => unknown, RegExp][] = [
  ['not an object', () => 42, /（规则包）/],
  ['not JSON at all', () => '{"format": "caselint.pack/v1",', /不是有效的 JSON/],
  ['wrong format', () => ({ ...base(), format: 'caselint.pack/v2' }), /^format: /],
  ['no rules', () => ({ ...base(), rules: [] }), /^rules: /],
  ['rules is not a list', () => ({ ...base(), rules: {} }), /^rules: /],
  ['unknown check', () => { const p = base(); rule(p, 0).check = { type: 'regex-match' }; return p; }, /^rules\[0\]\.check\.type: 未知的检查类型“regex-match”/],
  ['wrong parameter type', () => { const p = base(); rule(p, 7).check.period = { unit: 'hour', amount: '24' }; return p; }, /^rules\[7\]\.check\.period\.amount: /],
  ['negative period', () => { const p = base(); rule(p, 7).check.period = { unit: 'hour', amount: -24 }; return p; }, /^rules\[7\]\.check\.period\.amount: 应为正数/],
  ['unknown period unit', () => { const p = base(); rule(p, 7).check.period = { unit: 'week', amount: 1 }; return p; }, /^rules\[7\]\.check\.period\.unit: /],
  ['duplicate id', () => { const p = base(); rule(p, 2).id = String(rule(p, 1).id); return p; }, /^rules\[2\]\.id: 规则编号“.+”重复/],
  ['id not kebab-case', () => { const p = base(); rule(p, 0).id = 'Case Receipt'; return p; }, /^rules\[0\]\.id: 应为小写字母、数字和连字符组成的编号/],
  ['unknown field key in a check', () => { const p = base(); rule(p, 7).check.to = 'detention.sendToJailAt'; return p; }, /^rules\[7\]\.check\.to: 未知的字段“detention\.sendToJailAt”/],
  ['unknown field key in a condition', () => { const p = base(); rule(p, 0).when = { op: 'set', field: 'case.whenAccepted' }; return p; }, /^rules\[0\]\.when\.field: 未知的字段/],
  ['unknown condition op', () => { const p = base(); rule(p, 0).when = { op: 'matches', field: 'case.acceptedAt' }; return p; }, /^rules\[0\]\.when/],
  ['__proto__ key', () => JSON.stringify(base()).replace('"format":', '"__proto__":{"isAdmin":true},"format":'), /^__proto__: 不允许的键“__proto__”/],
  ['constructor key deep inside', () => { const p = base(); Object.defineProperty(rule(p, 3).guideline, 'constructor', { value: { prototype: {} }, enumerable: true }); return JSON.parse(JSON.stringify(p)); }, /不允许的键“constructor”/],
  ['unknown law reference', () => { const p = base(); rule(p, 0).guideline.basis = [{ law: 'CPL2030', article: 1 }]; return p; }, /^rules\[0\]\.guideline\.basis\[0\]\.law: 未知的法律“CPL2030”/],
  ['unknown category', () => { const p = base(); rule(p, 0).category = 'traffic'; return p; }, /^rules\[0\]\.category: 未知的规则类别“traffic”/],
  ['missing English message', () => { const p = base(); rule(p, 1).messages = { late: { 'zh-CN': '超期' } }; return p; }, /^rules\[1\]\.messages\.late\.en: /],
  ['no failing example', () => { const p = base(); rule(p, 0).examples.fail = []; return p; }, /^rules\[0\]\.examples\.fail: /],
  ['unknown key in a rule', () => { const p = base(); rule(p, 0).script = 'alert(1)'; return p; }, /^rules\[0\]/],
  ['severity not in the vocabulary', () => { const p = base(); rule(p, 0).severity = 'fatal'; return p; }, /^rules\[0\]\.severity: /],
  ['checks nested 10,000 deep (refused by path, not a stack overflow)', () => {
    const p = base();
    let check: Record<string, unknown> = { type: 'requires', require: { op: 'set', field: 'case.number' }, field: 'case.number' };
    for (let i = 0; i < 10_000; i++) check = { type: 'all-of', checks: [check] };
    rule(p, 0).check = check;
    return p;
  }, /^rules\[0\]\.check\.checks\[0\]\.checks.*: 嵌套超过 64 层/],
];

describe('malformed packs', () => {
  it('has at least 20 of them', () => expect(CASES.length).toBeGreaterThanOrEqual(20));
  it('every error speaks Chinese after its path, none is the schema library\'s English (#15.7)', () => {
    for (const [, make] of CASES) {
      const r = validatePack(make());
      for (const e of r.ok ? [] : r.errors) expect(e.slice(e.indexOf(': ') + 2), e).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  for (const [name, make, error] of CASES) {
    it(`rejects: ${name}`, () => {
      const r = validatePack(make());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.some((e) => error.test(e)), r.errors.join('\n')).toBe(true);
    });
  }
  describe('through the options page’s import (storage keeps the pack in force)', () => {
    const inForce = JSON.parse(JSON.stringify(defaultPackData));
    inForce.version = '2026.9.9';
    beforeAll(async () => {
      fakeBrowser.reset();
      expect(await applyPack(inForce)).toEqual({ ok: true });
    });
    for (const [name, make, error] of CASES) {
      it(`refuses and changes nothing: ${name}`, async () => {
        const r = await applyPack(make());
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.some((e) => error.test(e)), r.errors.join('\n')).toBe(true);
        const config = await loadConfig();
        expect([config.packSource, config.pack.version]).toEqual(['user', '2026.9.9']);
      });
    }
  });
  it('a pack with several problems lists them all', () => {
    const p = base();
    rule(p, 0).severity = 'fatal';
    rule(p, 7).check.period = { unit: 'hour', amount: -1 };
    rule(p, 2).id = String(rule(p, 1).id);
    const r = validatePack(p);
    expect(!r.ok && r.errors.length).toBeGreaterThanOrEqual(3);
  });
  it('the default pack itself is untouched and valid after all of this', () => {
    expect(validatePack(defaultPackData).ok).toBe(true);
  });
});

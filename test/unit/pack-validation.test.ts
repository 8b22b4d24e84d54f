/** Bad packs are rejected with every error listed by path; the pack in use stays in use. */
import { describe, expect, it } from 'vitest';
import { validatePack, parsePack, PackError } from '../../rules/pack';
import { defaultPack, defaultPackData, validatedDefaultPack } from '../../rules/packs/default';

const clone = () => JSON.parse(JSON.stringify(defaultPackData)) as { rules: Record<string, unknown>[] } & Record<string, unknown>;

function errorsOf(input: unknown): string[] {
  const r = validatePack(input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('pack validation', () => {
  it('accepts the default pack', () => {
    expect(validatePack(defaultPackData).ok).toBe(true);
  });

  it('the default pack is used as it stands (no run-time validation): parsing it gives it back unchanged', () => {
    expect(validatedDefaultPack()).toEqual(defaultPack());
  });

  it('lists every error of a pack with several problems, each by path', () => {
    const pack = clone();
    (pack.rules[3]!.check as Record<string, unknown>).type = 'deadlien';
    (pack.rules[7]!.check as { period: { amount: unknown } }).period.amount = 'twenty-four';
    pack.rules[9]!.id = pack.rules[8]!.id;
    (pack.rules[11]!.check as Record<string, unknown>).from = 'detention.startedAt';
    const errors = errorsOf(pack);
    expect(errors).toContainEqual(expect.stringMatching(/^rules\[3\]\.check\.type: 未知的检查类型“deadlien”/));
    expect(errors).toContainEqual(expect.stringMatching(/^rules\[7\]\.check\.period\.amount: /));
    expect(errors).toContainEqual(expect.stringMatching(/^rules\[9\]\.id: 规则编号“.+”重复（另见 rules\[8\]）/));
    expect(errors).toContainEqual('rules[11].check.from: 未知的字段“detention.startedAt”');
  });

  it('rejects a __proto__ key wherever it stands', () => {
    const text = JSON.stringify(defaultPackData).replace('"id":"default"', '"id":"default","__proto__":{"polluted":true}');
    const errors = errorsOf(text);
    expect(errors).toContainEqual('__proto__: 不允许的键“__proto__”');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = clone();
    (nested.rules[0] as Record<string, unknown>).messages = JSON.parse('{"__proto__": {"zh-CN": "x", "en": "x"}}');
    expect(errorsOf(nested)).toContainEqual(expect.stringMatching(/^rules\[0\]\.messages\.__proto__: 不允许的键/));
  });

  it('rejects unknown keys, a positive limit that is negative, and a message the check never emits', () => {
    const pack = clone();
    (pack.rules[0] as Record<string, unknown>).severty = 'error';
    (pack.rules[1] as { messages: Record<string, unknown> }).messages.lat = { 'zh-CN': 'x', en: 'x' };
    const errors = errorsOf(pack);
    expect(errors.some((e) => e.startsWith('rules[0]') && e.includes('severty'))).toBe(true);
    expect(errors).toContainEqual(expect.stringMatching(/^rules\[1\]\.messages\.lat: 该检查不会产生消息“lat”/));
  });

  it('rejects a field key unknown in a condition and in an example', () => {
    const pack = clone();
    (pack.rules[0] as Record<string, unknown>).when = { op: 'set', field: 'case.acceptTime' };
    ((pack.rules[0]!.examples as { pass: { fields: Record<string, string> }[] }).pass[0]!.fields)['case.foo'] = '1';
    const errors = errorsOf(pack);
    expect(errors).toContainEqual('rules[0].when.field: 未知的字段“case.acceptTime”');
    expect(errors.some((e) => e.startsWith('rules[0].examples.pass[0].fields'))).toBe(true);
  });

  it('rejects text that is not JSON, and a rule without examples', () => {
    expect(errorsOf('{ not json')[0]).toMatch(/不是有效的 JSON/);
    const pack = clone();
    (pack.rules[0]!.examples as { fail: unknown[] }).fail = [];
    expect(errorsOf(pack)).toContainEqual(expect.stringMatching(/^rules\[0\]\.examples\.fail: /));
  });

  it('throws a PackError whose message lists the errors', () => {
    expect(() => parsePack({ format: 'caselint.pack/v1' })).toThrow(PackError);
    try {
      parsePack({ format: 'caselint.pack/v2', rules: [] });
    } catch (e) {
      expect((e as PackError).errors.length).toBeGreaterThan(1);
      expect((e as Error).message).toContain('format');
    }
  });
});

/** Property-based: random records and values never make the engine throw or hang (fast-check, 1,000 runs). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, type FieldSnapshot } from '../../rules/engine';
import { FIELDS } from '../../rules/fields';
import { defaultPack } from '../../rules/packs/default';

const compiled = compilePack(defaultPack());
const keys = FIELDS.map((f) => f.key);

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '是', '否', '无法通知', '延长至30日', '简易程序', '派出所', '罚款、行政拘留', '<script>alert(1)</script>', '２０２４－０３－０５', '2024-02-30', '9999-99-99 99:99'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16).replace('T', ' ')),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.string({ minLength: 500, maxLength: 3000 }),
);

const snapshot: fc.Arbitrary<FieldSnapshot> = fc.record({
  key: fc.oneof(fc.constantFrom(...keys), fc.string()),
  raw: fc.option(value, { nil: null }),
  row: fc.option(fc.integer({ min: -5, max: 60 }), { nil: undefined }),
});

describe('engine properties', () => {
  it('never throws, always answers with well-formed results, on 1,000 random records', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 60 }), fc.integer({ min: 0, max: 4_102_444_800_000 }), (snaps, now) => {
        const t0 = performance.now();
        const r = evaluate(compiled, snaps, { now });
        expect(performance.now() - t0).toBeLessThan(5000); // "never hang": bounded work per record
        const all = new Set([...r.passed, ...r.notApplicable, ...r.findings.map((f) => f.ruleId)]);
        expect(all.size).toBe(compiled.rules.length);
        for (const f of r.findings) {
          expect(['error', 'warning', 'info']).toContain(f.severity);
          // Page text may hold anything (even "{{"); the message is always a non-empty string.
          expect(typeof f.message === 'string' && f.message.length > 0).toBe(true);
        }
        // Every rule is accounted for exactly once: passed, not applicable, or with findings.
        const counted = [...r.passed, ...r.notApplicable];
        expect(new Set(counted).size).toBe(counted.length);
      }),
      { numRuns: 1000 },
    );
  });
});

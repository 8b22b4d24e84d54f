/**
 * Re-checks never miss a rule: the fields a rule reads while it runs must all be among the fields
 * it declares (checks' `reads`, conditions' `conditionReads`), since only those re-run it after a
 * keystroke. Every rule runs over its examples, and over each example with one field emptied and
 * with one field left off the page (other branches of its conditions), while every read of the
 * record is recorded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
// (rulesDeclaring below is what the engine re-runs a rule for: its dependency index.)
import { compilePack, evaluate, RecordView, rulesAffectedBy, type FieldSnapshot } from '../../rules/engine';
import { exampleNow, exampleSnapshots } from '../../rules/examples';
import { FIELDS } from '../../rules/fields';
import { defaultPack } from '../../rules/packs/default';

const pack = defaultPack();
const compiled = compilePack(pack);

/** The example as given, and with each field in turn emptied and taken off the page. */
function variationsOf(snapshots: FieldSnapshot[]): FieldSnapshot[][] {
  const out = [snapshots];
  snapshots.forEach((s, i) => {
    out.push(snapshots.map((x, j) => (j === i ? { ...x, raw: null } : x)));
    out.push(snapshots.filter((_, j) => j !== i));
  });
  return out;
}

/** The field keys read while one rule runs over these snapshots. */
function readsOf(ruleId: string, snapshots: FieldSnapshot[], now: number): Set<string> {
  const read = new Set<string>();
  const original = RecordView.prototype.slotOf;
  const spy = vi.spyOn(RecordView.prototype, 'slotOf').mockImplementation(function (this: RecordView, info, row) {
    if (info) read.add(info.def.key);
    return original.call(this, info, row);
  });
  try {
    evaluate(compiled, snapshots, { now, only: new Set([ruleId]), fieldKeys: [] });
  } finally {
    spy.mockRestore();
  }
  return read;
}

afterEach(() => vi.restoreAllMocks());

/** Fields read while the rule runs over its examples (and their variations) that `declared` lacks. */
function undeclaredReads(rule: (typeof pack.rules)[number], declared: ReadonlySet<string>): string[] {
  const undeclared = new Set<string>();
  let reads = 0;
  for (const example of [...rule.examples.pass, ...rule.examples.fail]) {
    for (const snapshots of variationsOf(exampleSnapshots(example))) {
      for (const key of readsOf(rule.id, snapshots, exampleNow(example))) {
        reads++;
        if (!declared.has(key)) undeclared.add(key);
      }
    }
  }
  expect(reads, `${rule.id}: the recording saw no read at all`).toBeGreaterThan(0);
  return [...undeclared].sort();
}

describe('every field a rule reads is declared', () => {
  for (const rule of pack.rules) {
    it(rule.id, () => {
      expect(undeclaredReads(rule, rulesDeclaring(rule.id)), `${rule.id} reads fields it does not declare`).toEqual([]);
    });
  }

  it('finds the age fields undeclared if the age condition declared only its date (positive control)', () => {
    for (const id of ['bail-deposit-minimum', 'adm-hearing-notice', 'adm-detention-exemption']) {
      const rule = pack.rules.find((r) => r.id === id)!;
      const declared = rulesDeclaring(id);
      declared.delete('suspect.birthDate');
      declared.delete('suspect.idNumber');
      expect(undeclaredReads(rule, declared).length, id).toBeGreaterThan(0);
    }
  });
});

/** The fields whose change re-runs the rule, as the engine indexes them. */
function rulesDeclaring(ruleId: string): Set<string> {
  return new Set(FIELDS.map((f) => f.key).filter((key) => rulesAffectedBy(compiled, [key]).has(ruleId)));
}

describe('the dependency index', () => {
  it('re-runs the age-dependent rules when the birth date or the ID number changes', () => {
    for (const key of ['suspect.birthDate', 'suspect.idNumber']) {
      const ids = rulesAffectedBy(compiled, [key]);
      for (const id of ['bail-deposit-minimum', 'adm-hearing-notice', 'adm-detention-exemption', 'adm-minor-guardian', 'minor-adult-present']) {
        expect(ids.has(id), `${key} → ${id}`).toBe(true);
      }
    }
  });
  it('re-runs the rules of the administrative type where it matters only', () => {
    const ids = rulesAffectedBy(compiled, ['case.adminType']);
    expect(ids.has('adm-station-authority')).toBe(true);
    expect(ids.has('detention-custody-24h')).toBe(false);
  });
});

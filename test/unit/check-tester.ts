/**
 * CheckTester: a check's tests as tables of valid and invalid cases, in the style of ESLint's
 * RuleTester. Each row gives field values as a page shows them; invalid rows name the message id
 * (and optionally the field, severity, kind and message data) the check must report.
 */
import { describe, expect, it } from 'vitest';
import { UnreadableField, type CheckDefinition, type CheckSpec, type Outcome } from '../../rules/checks/types';
import type { EngineOptions, FieldSnapshot } from '../../rules/engine';
import { CompiledRule } from '../../rules/engine/compile';
import { RowCtx, rowsFor } from '../../rules/engine/context';
import { scanOf } from '../../rules/engine/evaluate';
import type { Rule } from '../../rules/pack';
import { defaultCalendar } from '../../rules/periods/bundled-calendar';
import { defaultPack } from '../../rules/packs/default';
import { CHECKS } from '../../rules/checks/registry';
import { CHECK_PARAMS } from '../../rules/checks/params';
import { wallToInstant } from '../../rules/periods/time';
import { parseDateTime } from '../../rules/values/parse';

type Fields = Record<string, string | null | (string | null)[]>;

interface Case {
  name: string;
  params: Omit<CheckSpec, 'type'> & Record<string, unknown>;
  fields: Fields;
  /** Beijing time. */
  now?: string;
  versionDate?: string[];
}

interface InvalidCase extends Case {
  messageId: string;
  fieldKey?: string;
  severity?: string;
  kind?: string;
  data?: Record<string, string | number>;
  row?: number;
}

type CheckResult = Outcome | { status: 'review'; fieldKey: string; raw: string };

/**
 * Runs one check (not a whole rule) over snapshots, once per row: the `CheckTester` of the check
 * tables, in the style of ESLint's RuleTester. Returns the raw outcomes with their message ids.
 */
function evaluateCheck(
  check: CheckSpec,
  snapshots: readonly FieldSnapshot[],
  options: EngineOptions & { versionDate?: string[] } = {},
): CheckResult[] {
  const rule = { id: 'check-under-test', check, versionDate: options.versionDate, guideline: { basis: [] }, messages: {} } as unknown as Rule;
  const c = new CompiledRule(rule, undefined, [], undefined);
  const scan = scanOf(snapshots, { ...options, overrides: undefined }, options.calendar ?? defaultCalendar);
  const rows = rowsFor(c, scan.record);
  const out: CheckResult[] = [];
  const ctx = new RowCtx(scan);
  for (let row = 0; row < rows; row++) {
    ctx.moveTo(c, row, undefined);
    try {
      out.push(ctx.evaluate(check));
    } catch (e) {
      if (!(e instanceof UnreadableField)) throw e;
      out.push({ status: 'review', fieldKey: e.fieldKey, raw: e.raw });
    }
  }
  return out;
}

export function snapshots(fields: Fields): FieldSnapshot[] {
  return Object.entries(fields).flatMap(([key, v]) => (Array.isArray(v) ? v.map((raw, row) => ({ key, raw, row })) : [{ key, raw: v }]));
}

export const beijing = (s: string) => wallToInstant(parseDateTime(s)!.ms);

function run(def: CheckDefinition, c: Case) {
  return evaluateCheck({ type: def.id, ...c.params } as CheckSpec, snapshots(c.fields), {
    now: beijing(c.now ?? '2026-11-01 09:00'),
    versionDate: c.versionDate,
  });
}

export function checkTester(def: CheckDefinition, tables: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(`check ${def.id}`, () => {
    it('has a strict params schema that accepts every table row', () => {
      for (const c of [...tables.valid, ...tables.invalid]) {
        const parsed = CHECK_PARAMS[def.id as keyof typeof CHECK_PARAMS].safeParse(c.params);
        expect(parsed.success, `${c.name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      }
    });
    for (const c of tables.valid) {
      it(`valid: ${c.name}`, () => {
        const out = run(def, c);
        expect(out.filter((o) => o.status === 'fail' || o.status === 'review')).toEqual([]);
      });
    }
    for (const c of tables.invalid) {
      it(`invalid: ${c.name}`, () => {
        const out = run(def, c);
        const fails = out.map((o, row) => ({ ...o, row })).filter((o) => o.status === 'fail');
        expect(fails.length, JSON.stringify(out)).toBeGreaterThan(0);
        const f = fails.find((o) => c.row === undefined || o.row === c.row) as Extract<(typeof fails)[number], { status: 'fail' }>;
        expect(f, `no failure in row ${c.row}`).toBeDefined();
        expect(f.messageId).toBe(c.messageId);
        // The message a user would read exists: the check's own, in both languages, or one that a rule of the pack gives it.
        // A combinator's failure names the check that failed inside it.
        const source = (f as { check?: string }).check ?? def.id;
        const own = (source === def.id ? def : CHECKS.find((d) => d.id === source))?.messages[f.messageId];
        const fromRule = defaultPack().rules.some((r) => r.check.type === def.id && r.messages?.[f.messageId]);
        expect(own ? !!own['zh-CN'] && !!own.en : fromRule, `message ${f.messageId}: neither the check nor a rule of the pack writes it`).toBe(true);
        if (c.fieldKey) expect(f.fieldKey).toBe(c.fieldKey);
        if (c.severity) expect(f.severity).toBe(c.severity);
        if (c.kind) expect(f.kind ?? 'violation').toBe(c.kind);
        // Values a message may name are given lazily, as functions: compare what they give.
        if (c.data) expect(Object.fromEntries(Object.entries(f.data).map(([k, v]) => [k, typeof v === 'function' ? v() : v]))).toMatchObject(c.data);
      });
    }
  });
}

/**
 * Conditions: the small predicate language of rule packs (`when`, `exceptWhen`, `requires`).
 * Interpreted here, never compiled (MV3 forbids eval). Semantics over absent/empty fields: a
 * comparison with a field that has no value is false; an unreadable value throws UnreadableField
 * up to the engine, which reports it as needs-review.
 */
import type { RowContext } from './checks/types';
import { formatWall } from './periods/time';
import { parseDateTime } from './values/parse';

type Scalar = string | number | boolean;

export type Condition =
  | { op: 'set'; field: string }
  | { op: 'empty'; field: string }
  | { op: 'eq'; field: string; value: Scalar }
  | { op: 'in'; field: string; values: Scalar[] }
  | { op: 'notIn'; field: string; values: Scalar[] }
  | { op: 'contains'; field: string; values: string[] }
  | { op: 'subsetOf'; field: string; values: string[] }
  | { op: 'gte' | 'gt' | 'lte' | 'lt'; field: string; value: number }
  | { op: 'age'; at: string | string[]; lt?: number; gte?: number }
  | { op: 'onOrAfter' | 'before'; date: string; field?: string | string[] }
  | { op: 'adminType'; is: '治安案件' | '其他行政案件' }
  | { op: 'all' | 'any'; of: Condition[] }
  | { op: 'not'; of: Condition };


/** The fields a person's age is read from (`RowContext.ageAt`): the birth date, else the ID number. */
export const AGE_FIELDS: readonly string[] = ['suspect.birthDate', 'suspect.idNumber'];

const keysOf = (k: string | readonly string[]): string[] => (typeof k === 'string' ? [k] : [...k]);

/**
 * Every field a condition may read. `onOrAfter`/`before` without a field read the rule's
 * `versionDate` fields, which the rule declares itself.
 */
export function conditionReads(c: Condition): string[] {
  switch (c.op) {
    case 'age':
      return [...keysOf(c.at), ...AGE_FIELDS];
    case 'onOrAfter':
    case 'before':
      return c.field === undefined ? [] : keysOf(c.field);
    case 'adminType':
      return ['case.adminType'];
    case 'all':
    case 'any':
      return c.of.flatMap(conditionReads);
    case 'not':
      return conditionReads(c.of);
    default:
      return [c.field];
  }
}

/** The first of several keys that holds a value (used for `["filingDecidedAt", "acceptedAt"]`). */
export function firstSet(ctx: RowContext, keys: string | readonly string[]): string | undefined {
  if (typeof keys === 'string') return keys;
  // Loops, not callbacks, in what runs for every rule: a callback that captures `ctx` makes V8
  // allocate a context on every call, also when the callback is never reached.
  for (const k of keys) if (ctx.isSet(k)) return k;
  return keys[0];
}

/** A field's typed value as a scalar to compare with a pack value (bools as true/false). */
function scalarOf(ctx: RowContext, key: string): Scalar | null {
  const v = ctx.value(key);
  if (!v) return null;
  switch (v.type) {
    case 'list':
      return v.value.join('、');
    case 'date':
    case 'datetime':
      return formatWall(v.value.ms, v.value.dateOnly);
    default:
      return v.value;
  }
}

const dateMs = (s: string) => parseDateTime(s)?.ms ?? NaN;

function someIncluded(values: readonly string[], list: readonly string[]): boolean {
  for (const x of values) if (list.includes(x)) return true;
  return false;
}

function allIncluded(list: readonly string[], values: readonly string[]): boolean {
  for (const x of list) if (!values.includes(x)) return false;
  return true;
}

export function evaluateCondition(ctx: RowContext, c: Condition): boolean {
  switch (c.op) {
    case 'set':
      return ctx.isSet(c.field);
    case 'empty':
      return !ctx.isSet(c.field);
    case 'eq':
      return scalarOf(ctx, c.field) === c.value;
    case 'in': {
      const v = scalarOf(ctx, c.field);
      return v !== null && c.values.includes(v);
    }
    case 'notIn': {
      const v = scalarOf(ctx, c.field);
      return v !== null && !c.values.includes(v);
    }
    case 'contains': {
      const v = ctx.list(c.field);
      return v !== null && someIncluded(c.values, v);
    }
    case 'subsetOf': {
      const v = ctx.list(c.field);
      return v !== null && allIncluded(v, c.values);
    }
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt': {
      const v = ctx.number(c.field);
      if (v === null) return false;
      return c.op === 'gte' ? v >= c.value : c.op === 'gt' ? v > c.value : c.op === 'lte' ? v <= c.value : v < c.value;
    }
    case 'age': {
      const at = ctx.time(firstSet(ctx, c.at) ?? '');
      if (!at) return false;
      const age = ctx.ageAt(at.ms);
      if (age === null) return false;
      return (c.lt === undefined || age < c.lt) && (c.gte === undefined || age >= c.gte);
    }
    case 'onOrAfter':
    case 'before': {
      const key = c.field === undefined ? undefined : firstSet(ctx, c.field);
      const t = key === undefined ? ctx.versionDate() : ctx.time(key)?.ms;
      if (t === undefined) return false;
      return c.op === 'onOrAfter' ? t >= dateMs(c.date) : t < dateMs(c.date);
    }
    case 'adminType': {
      // A page that does not say is taken as a 治安 case (guideline.md).
      const t = ctx.text('case.adminType');
      return (t === null || t === '' ? '治安案件' : t) === c.is;
    }
    case 'all':
      for (const x of c.of) if (!evaluateCondition(ctx, x)) return false;
      return true;
    case 'any':
      for (const x of c.of) if (evaluateCondition(ctx, x)) return true;
      return false;
    case 'not':
      return !evaluateCondition(ctx, c.of);
  }
}

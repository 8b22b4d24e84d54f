/**
 * A check is a reusable predicate over a case record, configured by typed params (axe-core's
 * checks, ESLint's rule meta): its messages keyed by id, the fields that start it,
 * and `evaluate`; its params' zod schema is in params.ts. Rules in a pack name a check by `type` and give the params.
 */
import type { Condition } from '../conditions';
import type { Finding } from '../finding';
import { fieldLabel } from '../fields';
import type { Locale } from '../format';
import type { HolidayCalendar } from '../periods/calendar';
import type { WallTime } from '../periods/time';
import type { ParsedValue } from '../values/parse';

export type Severity = Finding['severity'];
export type FindingKind = Finding['kind'];
export type Localized = Record<Locale, string>;

/** A check's params as they stand in a pack: `{ type: '<check id>', ...params }`. */
export interface CheckSpec {
  type: string;
  [param: string]: unknown;
}

/** The one passing outcome: shared (outcomes that pass are never changed). */
export const PASS: { readonly status: 'pass' } = Object.freeze({ status: 'pass' as const });

/**
 * A value for a message placeholder. A function is called only if the message in force uses the
 * placeholder: a check offers every value a pack's messages may name, without formatting them all.
 */
export type MessageValue = string | number | (() => string);

export type Outcome =
  | { status: 'pass' }
  | { status: 'na' }
  | {
      status: 'fail';
      messageId: string;
      data: Record<string, MessageValue>;
      /** The field the finding is shown at. */
      fieldKey: string;
      kind?: FindingKind;
      /** Overrides the rule's severity (hour warning band, due-soon, graded limits). */
      severity?: Severity;
      /** A due time for a countdown (wall ms, exclusive). */
      dueAt?: number;
    };

export type Fail = Extract<Outcome, { status: 'fail' }>;

/**
 * A failed check, built the one way every check builds it: the message, the field the finding is
 * shown at, the values its message may name — the field's label (`field`, `fieldEn`) always among
 * them unless the check names another — and, where it applies, its kind, severity or due time.
 */
export function fail(messageId: string, fieldKey: string, data: Record<string, MessageValue> = {}, more: Pick<Fail, 'kind' | 'severity' | 'dueAt'> = {}): Fail {
  return { status: 'fail', messageId, fieldKey, data: { field: () => fieldLabel(fieldKey), fieldEn: fieldKey, ...data }, ...more };
}

/** Thrown by a context accessor when the page's text cannot be read as the field's type. */
export class UnreadableField extends Error {
  constructor(
    readonly fieldKey: string,
    readonly raw: string,
  ) {
    super(`unreadable ${fieldKey}: ${raw}`);
  }
}

/** What a check sees: one case record (one repeated row), typed accessors, the clock, the calendar. */
export interface RowContext {
  readonly locale: Locale;
  /** Now, as a Beijing wall time (ms). */
  readonly now: number;
  readonly calendar: HolidayCalendar;
  /** Hours of the due-soon window cap (期限预警), 24 unless overridden. */
  readonly dueSoonCapHours: number;
  /** The page has a control for the field (even an empty one). */
  has(key: string): boolean;
  /** The field has a non-empty value (readable or not). */
  isSet(key: string): boolean;
  /** The raw text as read, or null when absent or empty. */
  raw(key: string): string | null;
  /** The typed value: null when absent or empty; throws UnreadableField when unreadable. */
  value(key: string): ParsedValue | null;
  /** Typed values by kind (a field of another type gives null). */
  time(key: string): WallTime | null;
  number(key: string): number | null;
  bool(key: string): boolean | null;
  text(key: string): string | null;
  list(key: string): string[] | null;
  /** Age in full years (周岁) at a wall day, from birth date or ID number; null if unknown. */
  ageAt(dayMs: number): number | null;
  /** The date that decides which law version applies to the rule (wall ms). */
  versionDate(): number;
  condition(c: Condition): boolean;
  /** The page has, for this row, a field of every trigger entry of the check (it applies). */
  applies(check: CheckSpec): boolean;
  evaluate(check: CheckSpec): Outcome;
  /** Records calendar years a roll-over decision needed and the data lacks. */
  noteUncoveredYears(years: readonly number[]): void;
}

export interface CheckDefinition<P = any> {
  id: string;
  description: string;
  /** Default messages per message id; a rule may override any of them. */
  messages: Record<string, Localized>;
  /** Fields that start the check: each entry is satisfied when the page has any of its keys. */
  triggers(params: P): string[][];
  /**
   * Every field `evaluate` may read with these params (its own and its nested checks' and
   * conditions'). The engine re-runs a rule after a keystroke only when one of these changed, so a
   * field read but not declared here is a re-check that never happens (a test records the reads).
   */
  reads(params: P): string[];
  /** Message ids a configured check can emit (its own and those of nested checks). */
  messageIds?(params: P): string[];
  evaluate(ctx: RowContext, params: P): Outcome;
}

/** A check's definition, typed by its params. */
export function defineCheck<P>(def: CheckDefinition<P>): CheckDefinition<P> {
  return def;
}

export const asList = (k: string | readonly string[]): string[] => (typeof k === 'string' ? [k] : [...k]);

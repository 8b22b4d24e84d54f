/**
 * A scan, and a rule's context on one row: the typed accessors a check reads the record with,
 * moved from rule to rule and row to row (no allocation per rule and row).
 */
import { definitionOf } from '../checks/registry';
import { UnreadableField, type CheckDefinition, type CheckSpec, type Outcome, type RowContext } from '../checks/types';
import { evaluateCondition, type Condition } from '../conditions';
import { type Locale } from '../format';
import { type HolidayCalendar } from '../periods/calendar';
import { addMonths, startOfDay, yearOf } from '../periods/time';
import { validateIdNumber } from '../values/id-number';
import { type ParsedValue } from '../values/parse';
import type { RuleOverride } from './types';
import { FIELD_INFO, NO_KEYS, RecordView, Unreadable, fieldInfos, triggerInfos } from './record';
import { CompiledRule } from './compile';
import type { FailOutcome } from './findings';

export interface Scan {
  record: RecordView;
  locale: Locale;
  now: number;
  offset: number;
  calendar: HolidayCalendar;
  /** The user's per-rule settings; none in most scans (a look-up in an empty object is not free). */
  overrides: Readonly<{ [id: string]: RuleOverride }> | undefined;
  /** Years the holiday data lacked (made only then). */
  uncovered: Set<number> | undefined;
  /** 行政 or not: read once per scan (every rule asks). */
  admin: boolean | undefined;
  /** The administrative type: read once per scan, and only when a rule asks. */
  adminType: string | undefined;
}

const CASE_KIND = FIELD_INFO.get('case.kind');
const CASE_ADMIN_TYPE = FIELD_INFO.get('case.adminType');

export function isAdmin(scan: Scan): boolean {
  if (scan.admin === undefined) scan.admin = scan.record.textAt(scan.record.slotOf(CASE_KIND, 0)) === '行政';
  return scan.admin;
}

/** A page that does not say is taken as a 治安 case (guideline.md). */
export function adminTypeOf(scan: Scan): string {
  if (scan.adminType === undefined) scan.adminType = scan.record.textAt(scan.record.slotOf(CASE_ADMIN_TYPE, 0)) || '治安案件';
  return scan.adminType;
}

/**
 * One rule on one row: typed accessors over the record. One per scan, moved from rule to rule and
 * row to row (no allocation per rule and row).
 */
export class RowCtx implements RowContext {
  readonly locale: Locale;
  readonly now: number;
  readonly calendar: HolidayCalendar;
  dueSoonCapHours = 24;
  /** Years a holiday roll-over needed that the calendar lacks (rare: made only then). */
  uncovered: Set<number> | undefined;
  private readonly record: RecordView;
  private c!: CompiledRule;
  private row = 0;

  constructor(private readonly scan: Scan) {
    this.record = scan.record;
    this.locale = scan.locale;
    this.now = scan.now;
    this.calendar = scan.calendar;
  }

  moveTo(c: CompiledRule, row: number, override: RuleOverride | undefined): void {
    this.c = c;
    this.row = row;
    this.uncovered = undefined;
    this.dueSoonCapHours = override?.dueSoonCapHours ?? 24;
  }

  /** The slot of a key on this row (-1: none). */
  private slot(key: string): number {
    return this.record.slotOf(FIELD_INFO.get(key), this.row);
  }
  has(key: string): boolean {
    return this.slot(key) !== -1;
  }
  isSet(key: string): boolean {
    return this.record.cellAt(this.slot(key)) !== null;
  }
  raw(key: string): string | null {
    return this.record.rawAt(this.slot(key));
  }
  value(key: string): ParsedValue | null {
    const cell = this.record.cellAt(this.slot(key));
    if (cell instanceof Unreadable) throw new UnreadableField(key, cell.raw);
    return cell;
  }
  time(key: string) {
    const v = this.value(key);
    return v && (v.type === 'date' || v.type === 'datetime') ? v.value : null;
  }
  number(key: string): number | null {
    const v = this.value(key);
    return v && (v.type === 'amount' || v.type === 'int') ? v.value : null;
  }
  bool(key: string): boolean | null {
    const v = this.value(key);
    return v && v.type === 'bool' ? v.value : null;
  }
  text(key: string): string | null {
    const v = this.value(key);
    if (!v) return null;
    return this.record.textAt(this.slot(key));
  }
  list(key: string): string[] | null {
    const v = this.value(key);
    if (!v) return null;
    return v.type === 'list' ? v.value : v.type === 'text' || v.type === 'enum' ? [v.value] : null;
  }
  ageAt(dayMs: number): number | null {
    const birth = this.time('suspect.birthDate');
    let birthDay = birth ? startOfDay(birth.ms) : undefined;
    if (birthDay === undefined) {
      const id = this.text('suspect.idNumber');
      const r = id ? validateIdNumber(id) : undefined;
      if (r?.ok) birthDay = r.info.birthDay;
    }
    if (birthDay === undefined) return null;
    // 周岁 count from the day after the birthday: on the birthday itself one is still younger.
    const at = startOfDay(dayMs);
    let years = yearOf(at) - yearOf(birthDay);
    if (at <= addMonths(birthDay, 12 * years)) years -= 1;
    return years;
  }
  versionDate(): number {
    for (const key of this.c.versionDate ?? NO_KEYS) {
      const t = this.time(key);
      if (t) return t.ms;
    }
    return this.scan.now;
  }
  condition(cond: Condition): boolean {
    return evaluateCondition(this, cond);
  }
  applies(check: CheckSpec): boolean {
    let infos = triggerInfos.get(check);
    if (!infos) triggerInfos.set(check, (infos = fieldInfos(definitionOf(check).triggers(check))));
    return triggered(infos, this.record, this.row);
  }
  evaluate(check: CheckSpec): Outcome {
    return this.evaluateWith(definitionOf(check), check);
  }
  evaluateWith(definition: CheckDefinition, check: CheckSpec): Outcome {
    const out = definition.evaluate(this, check);
    if (out.status !== 'fail' || (out as FailOutcome).check !== undefined) return out;
    // One shape for every failure (checks write theirs in many), with the check that failed (for
    // its default messages); a combinator passes an inner failure on as it is.
    return {
      status: 'fail',
      messageId: out.messageId,
      data: out.data,
      fieldKey: out.fieldKey,
      kind: out.kind,
      severity: out.severity,
      dueAt: out.dueAt,
      check: check.type,
    } as FailOutcome;
  }
  noteUncoveredYears(years: readonly number[]): void {
    for (const y of years) (this.uncovered ??= new Set()).add(y);
  }
}

/** The rows a rule runs over: the most any group it reads has on the page (at least one). */
export function rowsFor(c: CompiledRule, record: RecordView): number {
  let rows = 1;
  for (const g of c.groups) rows = Math.max(rows, record.rowsOf(g));
  return rows;
}

/** Every trigger entry has one of its fields on the page (for this row). */
export function triggered(triggers: CompiledRule['triggers'], record: RecordView, row: number): boolean {
  for (const alts of triggers) {
    let any = false;
    for (const k of alts) {
      if (record.slotOf(k, row) !== -1) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

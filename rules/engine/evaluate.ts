/**
 * Evaluation: which rules run on which rows, each rule's verdict (passed, not applicable, found),
 * the scan result. The holiday calendar is given: this module bundles no holiday data (the public
 * `evaluate` of rules/engine.ts defaults to the bundled calendar).
 */
import { UnreadableField, type Outcome } from '../checks/types';
import type { HolidayCalendar } from '../periods/calendar';
import { interpolate } from '../format';
import { BEIJING_OFFSET_MINUTES, instantToWall } from '../periods/time';
import type { EngineOptions, FieldSnapshot, Finding, RuleOverride, ScanResult } from './types';
import { FIELD_INFO, RecordView, Unreadable } from './record';
import { CompiledPack, CompiledRule } from './compile';
import { RowCtx, rowsFor, Scan, triggered } from './context';
import { FailOutcome, MESSAGES, failureFinding, inScope, unreadableFinding } from './findings';

export function evaluateRule(scan: Scan, ctx: RowCtx, c: CompiledRule, override: RuleOverride | undefined, findings: Finding[]): 'passed' | 'na' | 'found' {
  if (!inScope(c, scan)) return 'na';
  const rows = rowsFor(c, scan.record);
  let applicable = false;
  let found = false;
  for (let row = 0; row < rows; row++) {
    if (!triggered(c.triggers, scan.record, row)) continue;
    ctx.moveTo(c, row, override);
    applicable = true;
    let out: Outcome;
    let versionDate = scan.now;
    try {
      if (c.versionDate !== undefined) versionDate = ctx.versionDate();
      if (c.when && !ctx.condition(c.when)) continue;
      if (c.exceptWhen && ctx.condition(c.exceptWhen)) continue;
      out = ctx.evaluateWith(c.definition, c.check);
    } catch (e) {
      if (!(e instanceof UnreadableField)) throw e;
      found = true;
      findings.push(unreadableFinding(scan, c, e, { ctx, row, rows, versionDate }));
      continue;
    }
    const uncovered = ctx.uncovered;
    if (uncovered) for (const y of uncovered) (scan.uncovered ??= new Set()).add(y);
    if (out.status !== 'fail') continue;
    found = true;
    findings.push(failureFinding(scan, c, out as FailOutcome, override?.severity ?? c.severity, uncovered, { ctx, row, rows, versionDate }));
  }
  return found ? 'found' : applicable ? 'passed' : 'na';
}

/** Canonical key → normalised value as read (first row); null for an empty control. */
function readFields(record: RecordView, keys: Iterable<string> = record.keys()): Record<string, string | null> {
  const out: { [key: string]: string | null } = {};
  for (const key of keys) {
    const slot = record.slotOf(FIELD_INFO.get(key), 0);
    if (slot === -1) continue;
    const cell = record.cellAt(slot);
    out[key] = cell instanceof Unreadable ? cell.raw.trim() : record.textAt(slot);
  }
  return out;
}

/** A scan of one page's snapshots with the options' clock, zone, locale and calendar. */
export function scanOf(snapshots: readonly FieldSnapshot[], options: EngineOptions, calendar: HolidayCalendar): Scan {
  const offset = options.zoneOffsetMinutes ?? BEIJING_OFFSET_MINUTES;
  return {
    record: new RecordView(snapshots),
    locale: options.locale ?? 'zh-CN',
    now: instantToWall(options.now ?? Date.now(), offset),
    offset,
    calendar,
    overrides: options.overrides,
    uncovered: undefined,
    admin: undefined,
    adminType: undefined,
  };
}

/**
 * Evaluates a compiled pack over a page's snapshots with the given holiday calendar (`options.calendar`
 * is not read here). The calendar is a parameter of its own: merging it into the options would make an
 * object per call, which cost the engine benchmark a third of its speed.
 */
export function evaluate(compiled: CompiledPack, snapshots: readonly FieldSnapshot[], options: EngineOptions, calendar: HolidayCalendar): ScanResult {
  const scan = scanOf(snapshots, options, calendar);
  const result: ScanResult = { fields: readFields(scan.record, options.fieldKeys), passed: [], notApplicable: [], findings: [], warnings: [] };
  const ctx = new RowCtx(scan);
  const run = (c: CompiledRule) => {
    const override = scan.overrides?.[c.id];
    if (override?.enabled === false) return;
    const r = evaluateRule(scan, ctx, c, override, result.findings);
    if (r === 'passed') result.passed.push(c.id);
    else if (r === 'na') result.notApplicable.push(c.id);
  };
  if (options.only) {
    // A re-check: only the rules asked for, in the order asked.
    for (const id of options.only) {
      const c = compiled.byId?.get(id) ?? compiled.rules.find((r) => r.id === id);
      if (c) run(c);
    }
  } else for (const c of compiled.rules) run(c);
  if (scan.uncovered?.size) {
    result.warnings.push(interpolate(MESSAGES.calendarWarning[scan.locale], { years: [...scan.uncovered].sort().join('、') }));
  }
  return result;
}

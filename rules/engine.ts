/**
 * The engine: evaluates a rule pack over a case record of canonical fields. Pure: no DOM, no
 * extension APIs — the extension, the intranet plugin, Node tests and benchmarks run this code.
 *
 * Per rule (contracts.md §6): out of scope or missing a starting field → not applicable; `when`
 * false or `exceptWhen` true → passed; else the check decides; an unreadable value it needs →
 * needs-review. Rules that read a repeated group (suspects) run once per row.
 *
 * Split by concern in rules/engine/: types (the public shapes), record (the record model),
 * compile (a pack compiled), context (a rule's context on a row), findings, evaluate.
 */
export type { EngineOptions, FieldSnapshot, Finding, RuleOverride, ScanResult } from './engine/types';
export type { CompiledPack } from './engine/compile';
export { citeAll, compilePack, rulesAffectedBy } from './engine/compile';
export { RecordView } from './engine/record';
import { evaluate as evaluateWith } from './engine/evaluate';
import type { CompiledPack } from './engine/compile';
import type { EngineOptions, FieldSnapshot, ScanResult } from './engine/types';
import { defaultCalendar } from './periods/bundled-calendar';

/** Evaluates a compiled pack over a page's snapshots; the bundled holiday calendar unless one is given. */
export function evaluate(compiled: CompiledPack, snapshots: readonly FieldSnapshot[], options: EngineOptions = {}): ScanResult {
  return evaluateWith(compiled, snapshots, options, options.calendar ?? defaultCalendar);
}

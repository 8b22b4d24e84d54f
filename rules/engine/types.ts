/**
 * The engine's public shapes: what goes in (field snapshots, options, per-rule overrides) and what
 * comes out (findings, the scan result).
 */
import { type FindingKind, type Severity } from '../checks/types';
import { type Locale } from '../format';
import { type HolidayCalendar } from '../periods/calendar';


export interface FieldSnapshot {
  key: string;
  raw: string | null;
  /** Row of a repeated group (suspect, interrogation session), from 0. */
  row?: number;
}

export interface Finding {
  ruleId: string;
  fieldKey: string;
  severity: Severity;
  kind: FindingKind;
  message: string;
  basis: string;
  row?: number;
  /** How many rows the rule ran over, with `row`: a page with one row shows no "（第1行）". */
  rows?: number;
  category: string;
  /** The rule's short title in the scan's locale. */
  title: string;
  /** For a countdown: the due instant (epoch ms). */
  dueAt?: number;
  /** What else makes the rule pass: its lawful exception, recorded on the form (rules/remedy.ts). */
  remedy?: string;
}

export interface ScanResult {
  fields: Record<string, string | null>;
  passed: string[];
  notApplicable: string[];
  findings: Finding[];
  warnings: string[];
}

export interface RuleOverride {
  enabled?: boolean;
  severity?: Severity;
  /** Cap of the due-soon window in hours (default 24). */
  dueSoonCapHours?: number;
}

export interface EngineOptions {
  /** The current instant (epoch ms); defaults to Date.now(). */
  now?: number;
  locale?: Locale;
  calendar?: HolidayCalendar;
  /** Per-rule user settings, kept apart from the pack. */
  overrides?: Readonly<Record<string, RuleOverride>>;
  /** Zone of the page's times in minutes east of UTC (Beijing: 480). */
  zoneOffsetMinutes?: number;
  /** Evaluate only these rules (re-check after a keystroke). */
  only?: ReadonlySet<string>;
  /** Which fields to report in `fields` (default: every field read); a re-check passes the changed ones. */
  fieldKeys?: Iterable<string>;
}

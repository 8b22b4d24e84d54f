/**
 * The engine's public shapes: what goes in (field snapshots, options, per-rule overrides) and what
 * comes out (findings, the scan result).
 */
import type { Severity } from '../checks/types';
import type { Finding } from '../finding';
import { type Locale } from '../format';
import { type HolidayCalendar } from '../periods/calendar';


export interface FieldSnapshot {
  key: string;
  raw: string | null;
  /** Row of a repeated group (suspect, interrogation session), from 0. */
  row?: number;
}

/** A finding: one shape for the engine, the messages, the log and the panels (rules/finding.ts). */
export type { Finding };

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

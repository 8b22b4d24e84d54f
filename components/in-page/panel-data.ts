import type { PanelData } from '../AuditPanel';
import type { CompiledPack, ScanResult } from '../../rules/engine';
import type { Locale } from '../../rules/format';
import type { PageReading } from '../../lib/page/read';
import { selectorFor } from '../../lib/page/selector';
import type { MatchedField, UnmappedField } from '../../lib/messaging/protocol';

const summaries = new WeakMap<PageReading, { unmapped: UnmappedField[]; matched: MatchedField[] }>();

/**
 * What the reader made of the page, for the panels (#18.4): the controls it could not map and how each
 * field was found. Made once per reading (a full scan), not per keystroke: a re-check keeps the reading.
 */
export function readingSummary(reading: PageReading): { unmapped: UnmappedField[]; matched: MatchedField[] } {
  let summary = summaries.get(reading);
  if (!summary) summaries.set(reading, (summary = summarize(reading)));
  return summary;
}

function summarize(reading: PageReading): { unmapped: UnmappedField[]; matched: MatchedField[] } {
  const matched = new Map<string, MatchedField>();
  const shown = (label: string) => label.replace(/^[*＊\s]+/, '').replace(/[:：]\s*$/, '').slice(0, 200);
  for (const b of reading.bindings) if (!matched.has(b.key)) matched.set(b.key, { key: b.key, label: shown(b.label), how: b.how });
  const unmapped = reading.unmapped.map((u) => ({ label: u.label.slice(0, 100), selector: selectorFor(u.anchor).slice(0, 1000), candidates: u.candidates.map((c) => c.key) }));
  return { unmapped, matched: [...matched.values()] };
}

/** What the audit panel shows for a page's result. */
export function panelData(result: ScanResult, pack: CompiledPack, pageTitle?: string, dismissed: string[] = [], typicalFields: number | null = null, locale: Locale = 'zh-CN', reading?: PageReading): PanelData {
  const categories: Record<string, string> = {};
  for (const [id, label] of Object.entries(pack.pack.categories)) categories[id] = label[locale];
  return {
    findings: result.findings,
    passed: result.passed,
    notApplicable: result.notApplicable,
    dismissed,
    fieldsRead: Object.keys(result.fields).length,
    typicalFields,
    warnings: result.warnings,
    categories,
    caseNumber: result.fields['case.number'] ?? null,
    pageTitle,
    ...(reading ? readingSummary(reading) : {}),
  };
}

/** Alt+Shift+A (审核) toggles the panel. */
export function isPanelShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyA' || e.key === 'A' || e.key === 'a');
}

import type { PanelData } from '../AuditPanel';
import type { CompiledPack, ScanResult } from '../../rules/engine';
import type { Locale } from '../../rules/format';

/** What the audit panel shows for a page's result. */
export function panelData(result: ScanResult, pack: CompiledPack, pageTitle?: string, dismissed: string[] = [], typicalFields: number | null = null, locale: Locale = 'zh-CN'): PanelData {
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
  };
}

/** Alt+Shift+A (审核) toggles the panel. */
export function isPanelShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyA' || e.key === 'A' || e.key === 'a');
}

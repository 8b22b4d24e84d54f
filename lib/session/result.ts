/**
 * A page's result as a session keeps and shows it (#17.2): a re-check merged into the last full
 * result, and what is shown of it — without the rules a reviewer dismissed for the case, nor "cannot
 * read" where the officer is still typing.
 */
import type { Finding, ScanResult } from '../../rules/engine/types';
import { slotOf } from './page-model';

export const EMPTY_RESULT: ScanResult = { fields: {}, passed: [], notApplicable: [], findings: [], warnings: [] };

/** One finding's identity on a page: the same rule, field, row and kind is the same finding. */
export const findingId = (f: Pick<Finding, 'ruleId' | 'fieldKey' | 'row' | 'kind'>) => `${f.ruleId}|${f.fieldKey}|${f.row ?? ''}|${f.kind}`;

/** The last result with the rules in `only` replaced by a re-check's. */
export function mergeRecheck(result: ScanResult, partial: ScanResult, only: ReadonlySet<string>): ScanResult {
  return {
    fields: { ...result.fields, ...partial.fields },
    passed: [...result.passed.filter((id) => !only.has(id)), ...partial.passed],
    notApplicable: [...result.notApplicable.filter((id) => !only.has(id)), ...partial.notApplicable],
    findings: [...result.findings.filter((f) => !only.has(f.ruleId)), ...partial.findings],
    warnings: [...new Set([...result.warnings, ...partial.warnings])],
  };
}

/** The result as shown: dismissed rules hidden; a field being typed in (its slot in `typing`) shows no "cannot read" yet. */
export function shownResult(result: ScanResult, suppressed: ReadonlySet<string>, typing: ReadonlySet<string>): ScanResult {
  if (!suppressed.size && !typing.size) return result;
  return {
    ...result,
    findings: result.findings.filter((f) => !suppressed.has(f.ruleId) && !(f.kind === 'needs-review' && (typing.has(slotOf(f.fieldKey, f.row)) || typing.has(slotOf(f.fieldKey))))),
  };
}

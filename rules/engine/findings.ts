/**
 * Findings: a failed check or an unreadable value made into what the user reads — the message in
 * the scan's language, the basis cited, the lawful exception as a remedy, the row.
 */
import { definitions } from '../checks/walk';
import { UnreadableField, type FindingKind, type Outcome, type Severity } from '../checks/types';
import { type Condition } from '../conditions';
import { fieldGroup, fieldLabel } from '../fields';
import { interpolate, isolate } from '../format';
import { remedyOf } from '../remedy';
import { wallToInstant } from '../periods/time';
import type { Finding } from './types';
import { CompiledRule, citeAll } from './compile';
import { RowCtx, Scan, adminTypeOf, isAdmin } from './context';

export type FailOutcome = Extract<Outcome, { status: 'fail' }> & { check?: string };

export const MESSAGES = {
  unreadable: {
    'zh-CN': '{{field}}“{{raw}}”无法识别，请核实（本条规则需要该值）',
    en: '{{fieldEn}} "{{raw}}" cannot be read; please verify (this rule needs it)',
  },
  uncovered: {
    'zh-CN': '（节假日数据未覆盖{{years}}年，截止时间可能不准确）',
    en: ' (holiday data does not cover {{years}}; the due time may be inaccurate)',
  },
  calendarWarning: { 'zh-CN': '节假日数据未覆盖该年份：{{years}}', en: 'Holiday data does not cover: {{years}}' },
} as const;

export function inScope(c: CompiledRule, scan: Scan): boolean {
  const admin = isAdmin(scan);
  if (c.scope === 'criminal' && admin) return false;
  if (c.scope === 'administrative' && !admin) return false;
  if (c.adminTypes && admin && !c.adminTypes.includes(adminTypeOf(scan))) return false;
  return true;
}

/** A reference's own condition (cited only for a person under 16, say); a value it cannot read: not cited. */
function refHolds(ctx: RowCtx, when: Condition): boolean {
  try {
    return ctx.condition(when);
  } catch (e) {
    if (e instanceof UnreadableField) return false;
    throw e;
  }
}

/** The legal basis cited for a finding: the references that fit the case, the date and the row. */
function basisFor(c: CompiledRule, scan: Scan, ctx: RowCtx, versionDate: number): string {
  if (c.staticBasis !== undefined) return c.staticBasis;
  const admin = isAdmin(scan);
  const fits = c.lawRefs.filter(
    (r) =>
      (r.scope === undefined || (r.scope === 'administrative') === admin) &&
      (r.adminType === undefined || !admin || r.adminType === adminTypeOf(scan)) &&
      (r.from === undefined || versionDate >= r.from) &&
      (r.until === undefined || versionDate < r.until) &&
      (r.when === undefined || refHolds(ctx, r.when)),
  );
  return citeAll(fits.length ? fits : c.lawRefs);
}

/**
 * Where a finding was made: the rule's context on its row (the basis may depend on the row), the
 * row, the rows the rule ran over, the date that chose the law version.
 */
interface FindingPlace {
  ctx: RowCtx;
  row: number;
  rows: number;
  versionDate: number;
}

/**
 * A finding of a rule on a row. It names its row when it concerns one person (a group field) or
 * the page has several. Kept out of `evaluateRule` so that the path of a passing rule stays small.
 */
function findingOf(
  scan: Scan,
  c: CompiledRule,
  at: FindingPlace,
  fieldKey: string,
  severity: Severity,
  kind: FindingKind,
  message: string,
): Finding {
  const f: Finding = {
    ruleId: c.id,
    fieldKey,
    severity,
    kind,
    message,
    basis: basisFor(c, scan, at.ctx, at.versionDate),
    category: c.category,
    title: c.title[scan.locale],
  };
  if (kind !== 'needs-review') {
    const remedy = remedyOf(c.exceptWhen, scan.locale);
    if (remedy) f.remedy = remedy;
  }
  if (c.groups.length > 0 && (at.rows > 1 || fieldGroup(fieldKey))) {
    f.row = at.row;
    f.rows = at.rows;
  }
  return f;
}

/** The finding of a failed check: its message from the rule's or the check's template. */
export function failureFinding(scan: Scan, c: CompiledRule, out: FailOutcome, baseSeverity: Severity, uncovered: Set<number> | undefined, at: FindingPlace): Finding {
  const locale = scan.locale;
  const checkType = out.check ?? c.check.type;
  const template = c.messages[out.messageId]?.[locale] ?? definitions.get(checkType)?.messages[out.messageId]?.[locale] ?? out.messageId;
  let message = interpolate(template, out.data);
  if (uncovered?.size) message += interpolate(MESSAGES.uncovered[locale], { years: [...uncovered].join('、') });
  const severity = out.kind === 'due-soon' ? 'warning' : (out.severity ?? baseSeverity);
  const f = findingOf(scan, c, at, out.fieldKey, severity, out.kind ?? 'violation', message);
  if (out.dueAt !== undefined) f.dueAt = wallToInstant(out.dueAt, scan.offset);
  return f;
}

/** The finding for a value the rule needs but cannot read: never a guess. */
export function unreadableFinding(scan: Scan, c: CompiledRule, e: UnreadableField, at: FindingPlace): Finding {
  const message = interpolate(MESSAGES.unreadable[scan.locale], { field: fieldLabel(e.fieldKey), fieldEn: e.fieldKey, raw: isolate(e.raw) });
  return findingOf(scan, c, at, e.fieldKey, 'warning', 'needs-review', message);
}

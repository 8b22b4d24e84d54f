/**
 * What would make a rule pass besides doing the step in time (#15.4): its lawful exception
 * (`exceptWhen`) in words, for the popover — "或在“未通知家属原因”中注明：无法通知、…". Only an
 * exception a user records on the form is described (a field's value, or that it is filled in);
 * one that depends on the case type or a date is left to the rule page.
 */
import type { Condition } from './conditions';
import { fieldLabel } from './fields';
import type { Locale } from './format';

/** A value as the form shows it (a yes/no field says 是 or 否). */
const quoted = (v: string | number | boolean) => `“${v === true ? '是' : v === false ? '否' : v}”`;

function part(c: Condition, locale: Locale): string | null {
  const zh = locale !== 'en';
  if (c.op === 'eq') return zh ? `在“${fieldLabel(c.field)}”中注明${quoted(c.value)}` : `record ${quoted(c.value)} in “${fieldLabel(c.field)}”`;
  if (c.op === 'in') return zh ? `在“${fieldLabel(c.field)}”中注明：${c.values.map((v) => quoted(v)).join('、')}之一` : `record one of ${c.values.map((v) => quoted(v)).join(', ')} in “${fieldLabel(c.field)}”`;
  if (c.op === 'set') return zh ? `填写“${fieldLabel(c.field)}”` : `fill in “${fieldLabel(c.field)}”`;
  if (c.op === 'all') {
    const parts = c.of.map((x) => part(x, locale));
    return parts.every((p): p is string => p !== null) ? parts.join(zh ? '，并' : ', and ') : null;
  }
  return null;
}

/** The rule's lawful exception as something to do on the form, or undefined when it is not one. */
export function remedyOf(exceptWhen: Condition | undefined, locale: Locale): string | undefined {
  if (!exceptWhen) return undefined;
  const p = part(exceptWhen, locale);
  if (!p) return undefined;
  return locale === 'en' ? `Or, where the law allows it: ${p}.` : `或依法${p}（法定例外情形）。`;
}

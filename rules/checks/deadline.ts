/**
 * deadline — the closing field must come within a legal period of the starting field
 * (`to` − `from` ≤ period), counted by the rules of `periods`. With the closing field still empty,
 * it counts down from now (期限预警): due-soon in the last quarter of the period (at most 24 h),
 * overdue once past. An `endedBy` act (release, a changed measure) ends the duty: done in time, the
 * rule passes and no countdown runs. An hour period from a date without a time is due by 24:00
 * of the next day, and its messages name that due time, never hours counted from 00:00.
 */
import { firstSet } from '../conditions';
import { fieldLabel } from '../fields';
import { formatElapsed, formatPeriod } from '../format';
import { closingLatest, dueSoonWindow, periodEnd, type PeriodSpec } from '../periods';
import { DAY, formatDate, formatDue, formatWall, type WallTime } from '../periods/time';
import { asList, defineCheck, type MessageValue, type Outcome, type RowContext, type Severity, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['deadline'];

function extraDays(ctx: RowContext, p: Params): number {
  let days = 0;
  if (!p.plus) return days;
  for (const add of p.plus) {
    let n = ctx.number(add.field) ?? add.default ?? 0;
    if (add.max !== undefined) n = Math.min(n, add.max);
    days += Math.max(0, n) * add.per;
  }
  return days;
}

/** What a deadline message may name; the values only some messages use are made when named. */
function dataFor(ctx: RowContext, p: Params, fromKey: string, start: WallTime, spec: PeriodSpec, shownDue: number, due: number): Record<string, MessageValue> {
  return {
    from: fieldLabel(fromKey),
    to: fieldLabel(p.to),
    fromEn: fromKey,
    toEn: p.to,
    start: () => formatWall(start.ms, start.dateOnly),
    limit: () => formatPeriod(spec, ctx.locale),
    due: () => formatDue(shownDue),
    literalDue: () => formatDue(due),
    /** The last day of a day/month period, for date fields. */
    dueDay: () => formatDate(due - DAY),
  };
}

/** What a message on a closing step done too late may name besides `dataFor`'s values. */
function lateDataFor(ctx: RowContext, p: Params, fromKey: string, start: WallTime, spec: PeriodSpec, shownDue: number, due: number, close: WallTime): Record<string, MessageValue> {
  const data = dataFor(ctx, p, fromKey, start, spec, shownDue, due);
  data.elapsed = formatElapsed(closingLatest(close) - start.ms, spec.unit, ctx.locale);
  data.closing = () => formatWall(close.ms, close.dateOnly);
  data.late = () => formatElapsed(closingLatest(close) - shownDue, spec.unit, ctx.locale);
  return data;
}

/** Graded severities for longer delays: the last tier whose period `at` reaches. */
function gradedSeverity(ctx: RowContext, p: Params, start: WallTime, at: number): Severity | undefined {
  let severity: Severity | undefined;
  if (!p.tiers) return severity;
  for (const tier of p.tiers) {
    const t = periodEnd(start, tier.period, ctx.calendar);
    if (at >= t.due) severity = tier.severity;
  }
  return severity;
}

export default defineCheck<Params>({
  id: 'deadline',
  description: 'The closing field falls within a legal period after the starting field.',
  messages: {
    late: {
      'zh-CN': '{{to}}晚于{{from}}{{elapsed}}，超过法定{{limit}}（截止 {{due}}）',
      en: '{{toEn}} is {{elapsed}} after {{fromEn}}, beyond the legal {{limit}} (due {{due}})',
    },
    lateElapsedOnly: {
      'zh-CN':
        '{{to}}晚于{{from}}{{elapsed}}，按实际经过时间已超过{{limit}}；按“开始的时不计入”计算尚未超期（至迟 {{literalDue}}），请核实',
      en: '{{toEn}} is {{elapsed}} after {{fromEn}}: over {{limit}} by elapsed time, within the period if the starting hour is not counted (by {{literalDue}}); please verify',
    },
    overdue: {
      'zh-CN': '{{to}}未填写，自{{from}}（{{start}}）起已超过法定{{limit}}，已超期{{late}}（截止 {{due}}）',
      en: '{{toEn}} is empty: {{limit}} from {{fromEn}} ({{start}}) have passed, overdue by {{late}} (due {{due}})',
    },
    overdueElapsedOnly: {
      'zh-CN': '{{to}}未填写，自{{from}}（{{start}}）起按实际经过时间已超过{{limit}}（截止 {{due}}），请核实',
      en: '{{toEn}} is empty: {{limit}} have elapsed since {{fromEn}} ({{start}}) (due {{due}}); please verify',
    },
    lateFromDate: {
      'zh-CN': '{{to}}（{{closing}}）晚于法定期限：{{from}}仅记录日期（{{start}}），应于 {{due}} 前，已超期{{late}}',
      en: '{{toEn}} ({{closing}}) is late: {{fromEn}} gives only a date ({{start}}), so it was due by {{due}}; {{late}} late',
    },
    overdueFromDate: {
      'zh-CN': '{{to}}未填写，{{from}}仅记录日期（{{start}}），应于 {{due}} 前，已超期{{late}}',
      en: '{{toEn}} is empty: {{fromEn}} gives only a date ({{start}}), so it was due by {{due}}; overdue by {{late}}',
    },
    endedLate: {
      'zh-CN': '{{to}}未填写，至{{ended}}（{{endedValue}}）已超过法定{{limit}}（截止 {{due}}），超期{{late}}',
      en: '{{toEn}} is empty and {{endedEn}} ({{endedValue}}) came after the legal {{limit}} (due {{due}}): {{late}} late',
    },
    dueSoon: {
      'zh-CN': '{{to}}尚未填写，即将到期，截止 {{due}}（剩余 {{remaining}}）',
      en: '{{toEn}} is still empty and due soon: by {{due}} ({{remaining}} left)',
    },
  },
  triggers: (p) => [asList(p.from), [p.to]],
  reads: (p) => [...asList(p.from), p.to, ...(p.plus ?? []).map((add) => add.field), ...(p.endedBy ? [p.endedBy] : [])],
  evaluate(ctx, p): Outcome {
    const fromKey = firstSet(ctx, p.from) ?? '';
    const start = ctx.time(fromKey);
    if (!start) return PASS; // not started yet
    const extra = extraDays(ctx, p);
    const spec: PeriodSpec = extra && p.period.unit === 'day' ? { ...p.period, amount: p.period.amount + extra } : p.period;
    const end = periodEnd(start, spec, ctx.calendar);
    if (end.uncoveredYears.length) ctx.noteUncoveredYears(end.uncoveredYears);
    const hours = spec.unit === 'hour';
    const shownDue = hours ? end.strictEnd : end.due;
    /** Hours from a date alone: the due time is what can be said, not hours since 00:00. */
    const fromDate = hours && start.dateOnly;
    // Message data (dataFor) only for a finding: this runs on every keystroke.
    const close = ctx.time(p.to);
    const ended = p.endedBy === undefined ? null : ctx.time(p.endedBy);
    if (ended && (hours ? ended.ms <= end.strictEnd : ended.ms < end.due)) return PASS;
    if (close) {
      const at = close.ms;
      if (hours ? at <= end.strictEnd : at < end.due) return PASS;
      const data = lateDataFor(ctx, p, fromKey, start, spec, shownDue, end.due, close);
      if (hours && at <= end.due) return fail('lateElapsedOnly', p.to, data, { severity: 'warning' });
      const severity = gradedSeverity(ctx, p, start, at);
      return fail(fromDate ? 'lateFromDate' : 'late', p.to, data, { severity });
    }
    if (ended) {
      // Released (or the measure changed) only after the due time, and the step never done.
      const data = dataFor(ctx, p, fromKey, start, spec, shownDue, end.due);
      data.ended = fieldLabel(p.endedBy!);
      data.endedEn = p.endedBy!;
      data.endedValue = formatWall(ended.ms, ended.dateOnly);
      data.late = formatElapsed(closingLatest(ended) - shownDue, spec.unit, ctx.locale);
      return fail('endedLate', p.to, data, { severity: gradedSeverity(ctx, p, start, ended.ms) });
    }
    if (!ctx.has(p.to)) return PASS;

    // The closing step has not been done: count down from now (期限预警).
    const now = ctx.now;
    if (now < start.ms) return PASS;
    if (now > end.due || (!hours && now >= end.due)) {
      const severity = gradedSeverity(ctx, p, start, now);
      const late = formatElapsed(now - shownDue, spec.unit, ctx.locale);
      const data = dataFor(ctx, p, fromKey, start, spec, shownDue, end.due);
      data.late = late;
      return fail(fromDate ? 'overdueFromDate' : 'overdue', p.to, data, { dueAt: shownDue, severity });
    }
    if (hours && now > end.strictEnd) {
      return fail('overdueElapsedOnly', p.to, dataFor(ctx, p, fromKey, start, spec, shownDue, end.due), { severity: 'warning', dueAt: shownDue });
    }
    const window = dueSoonWindow(start.ms, shownDue, ctx.dueSoonCapHours);
    if (now >= shownDue - window) {
      const remaining = formatElapsed(shownDue - now, 'hour', ctx.locale);
      const data = dataFor(ctx, p, fromKey, start, spec, shownDue, end.due);
      data.remaining = remaining;
      return fail('dueSoon', p.to, data, { kind: 'due-soon', severity: 'warning', dueAt: shownDue });
    }
    return PASS;
  },
});

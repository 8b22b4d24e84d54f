/**
 * order — one act comes before another (批准在先、执行在后; 告知在先、决定在后). With a `grace`
 * period, a first act that comes late by no more than it is a `needs-review` warning instead of a
 * violation: the law allows the paperwork to follow at once in an emergency (CPR 125 第二款), and
 * only a person can tell whether there was one.
 */
import { fieldLabel } from '../fields';
import { formatHours } from '../format';
import { formatWall, HOUR } from '../periods/time';
import { defineCheck, type MessageValue, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['order'];

export default defineCheck<Params>({
  id: 'order',
  description: 'The first field is earlier than (or, unless strict, the same as) the second.',
  messages: {
    missingFirst: { 'zh-CN': '已有{{then}}，但{{first}}未填写', en: '{{thenEn}} is recorded but {{firstEn}} is empty' },
    outOfOrder: {
      'zh-CN': '{{first}}（{{firstValue}}）{{relation}}{{then}}（{{thenValue}}）',
      en: '{{firstEn}} ({{firstValue}}) {{relationEn}} {{thenEn}} ({{thenValue}})',
    },
    outOfOrderWithinGrace: {
      'zh-CN': '{{first}}（{{firstValue}}）晚于{{then}}（{{thenValue}}）{{late}}，请核实是否属于法定的事后补办情形',
      en: '{{firstEn}} ({{firstValue}}) is {{late}} after {{thenEn}} ({{thenValue}}); please verify that the law allowed it to follow',
    },
  },
  triggers: (p) => [[p.first], [p.then]],
  reads: (p) => [p.first, p.then],
  evaluate(ctx, p) {
    const then = ctx.time(p.then);
    if (!then) return PASS;
    const first = ctx.time(p.first);
    if (first && (p.strict ? first.ms < then.ms : first.ms <= then.ms)) return PASS;
    if (!first && !p.requireFirst) return PASS;
    const data: Record<string, MessageValue> = { first: fieldLabel(p.first), then: fieldLabel(p.then), firstEn: p.first, thenEn: p.then };
    if (!first) return fail('missingFirst', p.first, data);
    data.firstValue = formatWall(first.ms, first.dateOnly);
    data.thenValue = formatWall(then.ms, then.dateOnly);
    const late = first.ms - then.ms;
    if (p.grace && late > 0 && late <= p.grace.hours * HOUR) {
      data.late = formatHours(late, ctx.locale);
      return fail('outOfOrderWithinGrace', p.first, data, { kind: 'needs-review', severity: 'warning' });
    }
    data.relation = first.ms === then.ms ? '不早于' : '晚于';
    data.relationEn = first.ms === then.ms ? 'is not earlier than' : 'is later than';
    return fail('outOfOrder', p.first, data);
  },
});

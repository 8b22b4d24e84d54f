/** order — one act comes before another (批准在先、执行在后; 告知在先、决定在后). */
import { fieldLabel } from '../fields';
import { FieldKeySchema } from '../schema-common';
import { formatWall } from '../periods/time';
import { z } from '../zod';
import { defineCheck, type MessageValue, PASS } from './types';

const params = z.strictObject({
  first: FieldKeySchema,
  then: FieldKeySchema,
  /** `first` must be strictly earlier (not the same minute). */
  strict: z.boolean().optional(),
  /** With `then` done, an empty `first` is itself a finding. */
  requireFirst: z.boolean().optional(),
});
type Params = z.infer<typeof params>;

export default defineCheck<Params>({
  id: 'order',
  description: 'The first field is earlier than (or, unless strict, the same as) the second.',
  params,
  messages: {
    missingFirst: { 'zh-CN': '已有{{then}}，但{{first}}未填写', en: '{{thenEn}} is recorded but {{firstEn}} is empty' },
    outOfOrder: {
      'zh-CN': '{{first}}（{{firstValue}}）{{relation}}{{then}}（{{thenValue}}）',
      en: '{{firstEn}} ({{firstValue}}) {{relationEn}} {{thenEn}} ({{thenValue}})',
    },
  },
  triggers: (p) => [[p.first], [p.then]],
  evaluate(ctx, p) {
    const then = ctx.time(p.then);
    if (!then) return PASS;
    const first = ctx.time(p.first);
    if (first && (p.strict ? first.ms < then.ms : first.ms <= then.ms)) return PASS;
    if (!first && !p.requireFirst) return PASS;
    const data: Record<string, MessageValue> = { first: fieldLabel(p.first), then: fieldLabel(p.then), firstEn: p.first, thenEn: p.then };
    if (!first) return { status: 'fail', messageId: 'missingFirst', fieldKey: p.first, data };
    data.firstValue = formatWall(first.ms, first.dateOnly);
    data.thenValue = formatWall(then.ms, then.dateOnly);
    data.relation = first.ms === then.ms ? '不早于' : '晚于';
    data.relationEn = first.ms === then.ms ? 'is not earlier than' : 'is later than';
    return { status: 'fail', messageId: 'outOfOrder', fieldKey: p.first, data };
  },
});

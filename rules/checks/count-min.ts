/** count-min — a list field names at least N people (two officers, two interrogators). */
import { fieldLabel } from '../fields';
import { FieldKeySchema } from '../schema-common';
import { z } from '../zod';
import { defineCheck, PASS } from './types';

const params = z.strictObject({
  field: FieldKeySchema,
  min: z.number().int().positive('expected a positive number'),
});
type Params = z.infer<typeof params>;

export default defineCheck<Params>({
  id: 'count-min',
  description: 'A list field holds at least `min` distinct entries.',
  params,
  messages: {
    tooFew: {
      'zh-CN': '{{field}}仅{{count}}人（{{names}}），不得少于{{min}}人',
      en: '{{fieldEn}} names {{count}} ({{names}}); at least {{min}} are required',
    },
  },
  triggers: (p) => [[p.field]],
  evaluate(ctx, p) {
    const list = ctx.list(p.field);
    // Distinct names (a handful: a scan beats building a Set on every keystroke).
    const names = list ? list.filter((name, i) => list.indexOf(name) === i) : [];
    if (names.length >= p.min) return PASS;
    return {
      status: 'fail',
      messageId: 'tooFew',
      fieldKey: p.field,
      data: { field: fieldLabel(p.field), fieldEn: p.field, count: names.length, min: p.min, names: names.join('、') || '未填写' },
    };
  },
});

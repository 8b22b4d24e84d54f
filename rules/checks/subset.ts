/** subset — a list field holds only allowed entries (当场处罚限于警告、罚款). */
import { FieldKeySchema } from '../schema-common';
import { z } from '../zod';
import { defineCheck, PASS, fail } from './types';

const params = z.strictObject({ field: FieldKeySchema, allowed: z.array(z.string().min(1)).min(1) });
type Params = z.infer<typeof params>;

export default defineCheck<Params>({
  id: 'subset',
  description: 'Every entry of a list field is among the allowed ones.',
  params,
  messages: {
    notAllowed: {
      'zh-CN': '{{field}}含“{{extra}}”，限于{{allowed}}',
      en: '{{fieldEn}} includes "{{extra}}"; only {{allowed}} are allowed',
    },
  },
  triggers: (p) => [[p.field]],
  reads: (p) => [p.field],
  evaluate(ctx, p) {
    const extra = (ctx.list(p.field) ?? []).filter((x) => !p.allowed.includes(x));
    if (!extra.length) return PASS;
    return fail('notAllowed', p.field, { extra: extra.join('、'), allowed: p.allowed.join('、') });
  },
});

/** subset — a list field holds only allowed entries (当场处罚限于警告、罚款). */
import { defineCheck, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['subset'];

export default defineCheck<Params>({
  id: 'subset',
  description: 'Every entry of a list field is among the allowed ones.',
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

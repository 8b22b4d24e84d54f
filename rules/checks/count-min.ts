/** count-min — a list field names at least N people (two officers, two interrogators). */
import { defineCheck, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['count-min'];

/** Distinct names, first seen first (a handful: a scan beats building a Set on every keystroke). */
function distinct(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of list) if (!out.includes(name)) out.push(name);
  return out;
}

export default defineCheck<Params>({
  id: 'count-min',
  description: 'A list field holds at least `min` distinct entries.',
  messages: {
    tooFew: {
      'zh-CN': '{{field}}仅{{count}}人（{{names}}），不得少于{{min}}人',
      en: '{{fieldEn}} names {{count}} ({{names}}); at least {{min}} are required',
    },
  },
  triggers: (p) => [[p.field]],
  reads: (p) => [p.field],
  evaluate(ctx, p) {
    const list = ctx.list(p.field);
    const names = list ? distinct(list) : [];
    if (names.length >= p.min) return PASS;
    return fail('tooFew', p.field, { count: names.length, min: p.min, names: names.join('、') || '未填写' });
  },
});

/** not-both — two measures that the law forbids together (保证人 and 保证金). */
import { fieldLabel } from '../fields';
import { defineCheck, type RowContext, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['not-both'];

/** Set means filled in, and for a number more than zero (保证金 0 元 is no deposit). */
function used(ctx: RowContext, key: string): boolean {
  const v = ctx.value(key);
  if (!v) return false;
  if (v.type === 'amount' || v.type === 'int') return v.value > 0;
  if (v.type === 'bool') return v.value;
  if (v.type === 'list') return v.value.length > 0;
  return v.type === 'date' || v.type === 'datetime' || v.value !== '';
}

export default defineCheck<Params>({
  id: 'not-both',
  description: 'Two fields are not both used.',
  messages: {
    both: { 'zh-CN': '不得同时填写{{a}}和{{b}}', en: '{{aEn}} and {{bEn}} must not both be used' },
  },
  triggers: (p) => [[p.fields[0]], [p.fields[1]]],
  reads: (p) => [...p.fields],
  evaluate(ctx, p) {
    const [a, b] = p.fields;
    if (!(used(ctx, a) && used(ctx, b))) return PASS;
    return fail('both', b, { a: fieldLabel(a), b: fieldLabel(b), aEn: a, bEn: b });
  },
});

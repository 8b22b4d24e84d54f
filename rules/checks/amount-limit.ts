/** amount-limit — a number within lawful bounds (以上、以下 include the number itself: PS25 143). */
import { fieldDef } from '../fields';
import { formatAmount, type Locale } from '../format';
import { defineCheck, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['amount-limit'];

/** `1,000元` for money, the plain number for days or copies. */
function shown(n: number, money: boolean, locale: Locale): string {
  return money ? formatAmount(n, locale) : String(n);
}

export default defineCheck<Params>({
  id: 'amount-limit',
  description: 'A number (amount, days, copies) stays within a minimum and/or maximum, inclusive.',
  messages: {
    overMax: { 'zh-CN': '{{field}}为{{value}}，超过上限{{max}}', en: '{{fieldEn}} is {{value}}, above the limit of {{max}}' },
    underMin: { 'zh-CN': '{{field}}为{{value}}，低于{{min}}', en: '{{fieldEn}} is {{value}}, below {{min}}' },
  },
  triggers: (p) => [[p.field]],
  reads: (p) => [p.field],
  evaluate(ctx, p) {
    const v = ctx.number(p.field);
    if (v === null) return PASS;
    const over = p.max !== undefined && v > p.max;
    const under = p.min !== undefined && v < p.min;
    if (!over && !under) return PASS;
    // Messages are formatted only for a failure (this runs on every keystroke).
    const money = fieldDef(p.field)?.type === 'amount';
    const data = {
      value: shown(v, money, ctx.locale),
      max: p.max === undefined ? '' : shown(p.max, money, ctx.locale),
      min: p.min === undefined ? '' : shown(p.min, money, ctx.locale),
    };
    return fail(over ? 'overMax' : 'underMin', p.field, data);
  },
});

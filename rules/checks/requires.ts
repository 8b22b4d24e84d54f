/**
 * requires — a condition must hold (a field filled in, a box ticked, a value among the lawful
 * ones). The rule's `when` says when it is required; this check says what.
 */
import { conditionReads } from '../conditions';
import { isolate } from '../format';
import { defineCheck, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['requires'];

export default defineCheck<Params>({
  id: 'requires',
  description: 'A condition on the record must hold.',
  messages: {
    missing: { 'zh-CN': '{{field}}未填写', en: '{{fieldEn}} is not filled in' },
    notMet: { 'zh-CN': '{{field}}不符合规定（当前：{{value}}）', en: '{{fieldEn}} does not meet the requirement (now: {{value}})' },
  },
  triggers: (p) => [[p.field]],
  reads: (p) => [...conditionReads(p.require), p.field],
  messageIds: (p) => (p.messageId ? [p.messageId] : []),
  evaluate(ctx, p) {
    if (ctx.condition(p.require)) return PASS;
    const messageId = p.messageId ?? (ctx.isSet(p.field) ? 'notMet' : 'missing');
    return fail(messageId, p.field, { value: isolate(ctx.raw(p.field) ?? '未填写') });
  },
});

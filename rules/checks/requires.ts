/**
 * requires — a condition must hold (a field filled in, a box ticked, a value among the lawful
 * ones). The rule's `when` says when it is required; this check says what.
 */
import { ConditionSchema, conditionReads } from '../conditions';
import { FieldKeySchema } from '../schema-common';
import { isolate } from '../format';
import { z } from '../zod';
import { defineCheck, PASS, fail } from './types';

const params = z.strictObject({
  require: ConditionSchema,
  /** The field the finding is shown at. */
  field: FieldKeySchema,
  /**
   * `missing` (the field is empty), `notMet` (the value is not what the law asks), or an id of
   * the rule's own messages. Default: `missing` when the field is empty, else `notMet`.
   */
  messageId: z.string().regex(/^[a-zA-Z][\w-]*$/, '应为消息编号（以字母开头）').optional(),
});
type Params = z.infer<typeof params>;

export default defineCheck<Params>({
  id: 'requires',
  description: 'A condition on the record must hold.',
  params,
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

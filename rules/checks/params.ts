/**
 * The params each check takes, as zod schemas, and the schema of a check in a pack. They live apart
 * from the checks' evaluation (`<check>.ts`): a pack is validated where it enters CaseLint (import,
 * policy, hub, the options page), and the content script runs the pack it is given without zod.
 * A check's file derives its `Params` type from here (`CheckParams['deadline']`).
 */
import { ConditionSchema } from '../condition-schema';
import { DateSchema, FieldKeySchema, FieldKeysSchema, PeriodSchema, SeveritySchema } from '../schema-common';
import { FindingKindSchema } from '../finding';
import { z } from '../zod';
import type { CheckSpec } from './types';

const allOf = z.strictObject({ checks: z.array(z.lazy(() => CheckSchema)).min(1) });

const amountLimit = z
  .strictObject({
    field: FieldKeySchema,
    max: z.number().nonnegative('应为非负数').optional(),
    min: z.number().nonnegative('应为非负数').optional(),
  })
  .refine((p) => p.max !== undefined || p.min !== undefined, 'amount-limit 须设 max 或 min');

const countMin = z.strictObject({
  field: FieldKeySchema,
  min: z.number().int().positive('应为正数'),
});

const deadline = z.strictObject({
  from: FieldKeysSchema,
  to: FieldKeySchema,
  period: PeriodSchema,
  /** Days added from recorded fields: extension days, approvals × 30, excluded days. */
  plus: z
    .array(
      z.strictObject({
        field: FieldKeySchema,
        per: z.number().positive('应为正数'),
        max: z.number().nonnegative().optional(),
        /** Used when the field is empty or absent (e.g. 4 extension days when not recorded). */
        default: z.number().nonnegative().optional(),
      }),
    )
    .optional(),
  /** An act that ends the duty (释放、变更强制措施): done by the due time, nothing more is owed. */
  endedBy: FieldKeySchema.optional(),
  /** Graded severities for longer delays: over `period` → `severity`. */
  tiers: z.array(z.strictObject({ period: PeriodSchema, severity: SeveritySchema })).optional(),
});

const idNumber = z.strictObject({
  field: FieldKeySchema,
  birthDate: FieldKeySchema.optional(),
  gender: FieldKeySchema.optional(),
});

const lawCitation = z.strictObject({ field: FieldKeySchema });

const lawVersion = z.strictObject({
  versions: z
    .array(
      z.strictObject({
        /** In force from this day (inclusive). */
        from: DateSchema.optional(),
        /** In force before this day (exclusive). */
        until: DateSchema.optional(),
        check: z.lazy(() => CheckSchema),
      }),
    )
    .min(1),
});

const notBoth = z.strictObject({ fields: z.tuple([FieldKeySchema, FieldKeySchema]) });

const order = z.strictObject({
  first: FieldKeySchema,
  then: FieldKeySchema,
  /** `first` must be strictly earlier (not the same minute). */
  strict: z.boolean().optional(),
  /** With `then` done, an empty `first` is itself a finding. */
  requireFirst: z.boolean().optional(),
  /** `first` later than `then` by at most this many hours: a needs-review warning, not a violation. */
  grace: z.strictObject({ hours: z.number().positive('应为正数') }).optional(),
});

const requires = z.strictObject({
  require: ConditionSchema,
  /** The field the finding is shown at. */
  field: FieldKeySchema,
  /**
   * `missing` (the field is empty), `notMet` (the value is not what the law asks), or an id of
   * the rule's own messages. Default: `missing` when the field is empty, else `notMet`.
   */
  messageId: z.string().regex(/^[a-zA-Z][\w-]*$/, '应为消息编号（以字母开头）').optional(),
});

const subset = z.strictObject({ field: FieldKeySchema, allowed: z.array(z.string().min(1)).min(1) });

const variants = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        when: ConditionSchema,
        check: z.lazy(() => CheckSchema),
        /** Severity of a failure in this case (e.g. a lesser breach gives a warning). */
        severity: SeveritySchema.optional(),
        /** Kind of a failure in this case: `needs-review` when the page cannot settle it. */
        kind: FindingKindSchema.exclude(['due-soon']).optional(),
        /** A message of the rule's own for a failure in this case (the nested check's values fill it). */
        messageId: z.string().regex(/^[a-zA-Z][\w-]*$/, '应为消息编号（以字母开头）').optional(),
      }),
    )
    .min(1),
  otherwise: z.lazy(() => CheckSchema).optional(),
});

/** Check id → its params schema (without `type`). */
export const CHECK_PARAMS = {
  'all-of': allOf,
  'amount-limit': amountLimit,
  'count-min': countMin,
  'deadline': deadline,
  'id-number': idNumber,
  'law-citation': lawCitation,
  'law-version': lawVersion,
  'not-both': notBoth,
  'order': order,
  'requires': requires,
  'subset': subset,
  'variants': variants,
} as const;

export type CheckParams = { [K in keyof typeof CHECK_PARAMS]: z.infer<(typeof CHECK_PARAMS)[K]> };

const KNOWN = new Map<string, z.ZodType>(Object.entries(CHECK_PARAMS));

/**
 * A check in a pack: `{ "type": "<check id>", ...params }`. Unknown types and wrong params are
 * reported at their path (`rules[3].check.period.amount: expected a positive number`).
 */
export const CheckSchema: z.ZodType<CheckSpec> = z.unknown().transform((input, ctx) => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    ctx.addIssue({ code: 'custom', message: '应为含 "type" 的检查对象' });
    return z.NEVER;
  }
  const { type, ...rest } = input as Record<string, unknown>;
  const params = typeof type === 'string' ? KNOWN.get(type) : undefined;
  if (!params) {
    ctx.addIssue({ code: 'custom', path: ['type'], message: `未知的检查类型“${String(type)}”（已知：${[...KNOWN.keys()].join('、')}）` });
    return z.NEVER;
  }
  const parsed = params.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { type, ...(parsed.data as object) } as CheckSpec;
}) as unknown as z.ZodType<CheckSpec>;

/**
 * The schema of a condition in a pack (`when`, `exceptWhen`, `requires`): used where a pack is
 * validated; the condition type and its interpretation are in conditions.ts.
 */
import type { Condition } from './conditions';
import { DateSchema, FieldKeySchema, FieldKeysSchema } from './schema-common';
import { z } from './zod';

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('set'), field: FieldKeySchema }),
    z.strictObject({ op: z.literal('empty'), field: FieldKeySchema }),
    z.strictObject({ op: z.literal('eq'), field: FieldKeySchema, value: ScalarSchema }),
    z.strictObject({ op: z.literal('in'), field: FieldKeySchema, values: z.array(ScalarSchema).min(1) }),
    z.strictObject({ op: z.literal('notIn'), field: FieldKeySchema, values: z.array(ScalarSchema).min(1) }),
    z.strictObject({ op: z.literal('contains'), field: FieldKeySchema, values: z.array(z.string()).min(1) }),
    z.strictObject({ op: z.literal('subsetOf'), field: FieldKeySchema, values: z.array(z.string()).min(1) }),
    ...(['gte', 'gt', 'lte', 'lt'] as const).map((op) =>
      z.strictObject({ op: z.literal(op), field: FieldKeySchema, value: z.number() }),
    ),
    z
      .strictObject({
        op: z.literal('age'),
        at: FieldKeysSchema,
        lt: z.number().int().positive().optional(),
        gte: z.number().int().nonnegative().optional(),
      })
      .refine((c) => c.lt !== undefined || c.gte !== undefined, 'age 条件须设 lt 或 gte'),
    ...(['onOrAfter', 'before'] as const).map((op) =>
      z.strictObject({ op: z.literal(op), date: DateSchema, field: FieldKeysSchema.optional() }),
    ),
    z.strictObject({ op: z.literal('adminType'), is: z.enum(['治安案件', '其他行政案件']) }),
    z.strictObject({ op: z.literal('all'), of: z.array(ConditionSchema).min(1) }),
    z.strictObject({ op: z.literal('any'), of: z.array(ConditionSchema).min(1) }),
    z.strictObject({ op: z.literal('not'), of: ConditionSchema }),
  ]),
) as z.ZodType<Condition>;

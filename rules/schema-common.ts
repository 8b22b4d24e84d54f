/** Schema pieces shared by conditions, checks and the pack. */
import { FIELD_KEYS } from './fields';
import { z } from './zod';

const known = new Set<string>(FIELD_KEYS);

export const FieldKeySchema = z.string().refine((k) => known.has(k), {
  error: (iss) => `未知的字段“${String(iss.input)}”`,
});

/** One key, or several where the first one set is used (`["case.filingDecidedAt", "case.acceptedAt"]`). */
export const FieldKeysSchema = z.union([FieldKeySchema, z.array(FieldKeySchema).min(1)]);

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const LocalizedSchema = z.strictObject({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});

export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 YYYY-MM-DD');

export const PeriodSchema = z.strictObject({
  unit: z.enum(['hour', 'day', 'month', 'year']),
  amount: z.number().positive('应为正数'),
  custody: z.boolean().optional(),
  workingDays: z.boolean().optional(),
});

/**
 * The check vocabulary: an explicit, sorted list (no glob hides a dependency). A new kind of check
 * is one file plus its table test, added here.
 */
import { z } from '../zod';
import allOf from './all-of';
import amountLimit from './amount-limit';
import countMin from './count-min';
import deadline from './deadline';
import idNumber from './id-number';
import lawCitation from './law-citation';
import lawVersion from './law-version';
import { nested } from './nested';
import notBoth from './not-both';
import order from './order';
import requires from './requires';
import subset from './subset';
import type { CheckDefinition, CheckSpec } from './types';
import variants from './variants';
import { definitions } from './walk';

export const CHECKS: readonly CheckDefinition[] = [
  allOf,
  amountLimit,
  countMin,
  deadline,
  idNumber,
  lawCitation,
  lawVersion,
  notBoth,
  order,
  requires,
  subset,
  variants,
];

for (const def of CHECKS) definitions.set(def.id, def);

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
  const def = typeof type === 'string' ? definitions.get(type) : undefined;
  if (!def) {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: `未知的检查类型“${String(type)}”（已知：${[...definitions.keys()].join('、')}）`,
    });
    return z.NEVER;
  }
  const parsed = def.params.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { type, ...(parsed.data as object) } as CheckSpec;
}) as unknown as z.ZodType<CheckSpec>;

nested.schema = CheckSchema;

export { definitionOf, registryMessageIds, registryReads, registryTriggers } from './walk';

/**
 * variants — the first case whose condition holds decides which check applies (an approved
 * extension lengthens a period; a party type changes a threshold). No case and no `otherwise`:
 * passed.
 */
import { ConditionSchema, type Condition } from '../conditions';
import { SeveritySchema } from '../schema-common';
import { z } from '../zod';
import { nested } from './nested';
import { defineCheck, type CheckSpec, type Severity, PASS } from './types';
import { registryMessageIds, registryTriggers } from './walk';

const params = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        when: ConditionSchema,
        check: z.lazy(() => nested.schema!),
        /** Severity of a failure in this case (e.g. a lesser breach gives a warning). */
        severity: SeveritySchema.optional(),
      }),
    )
    .min(1),
  otherwise: z.lazy(() => nested.schema!).optional(),
});
type Params = { cases: { when: Condition; check: CheckSpec; severity?: Severity }[]; otherwise?: CheckSpec };

const checksOf = (p: Params) => [...p.cases.map((c) => c.check), ...(p.otherwise ? [p.otherwise] : [])];

export default defineCheck<Params>({
  id: 'variants',
  description: 'Chooses a nested check by condition.',
  params,
  messages: {},
  // Any variant's fields can start the rule: the variants share their start and closing fields.
  triggers: (p) => registryTriggers(p.otherwise ?? p.cases[0]!.check),
  messageIds: (p) => checksOf(p).flatMap(registryMessageIds),
  evaluate(ctx, p) {
    for (const c of p.cases) {
      if (!ctx.condition(c.when)) continue;
      const out = ctx.evaluate(c.check);
      return out.status === 'fail' && c.severity && !out.severity ? { ...out, severity: c.severity } : out;
    }
    return p.otherwise ? ctx.evaluate(p.otherwise) : PASS;
  },
});

/**
 * variants — the first case whose condition holds decides which check applies (an approved
 * extension lengthens a period; a party type changes a threshold). No case and no `otherwise`:
 * passed. A case may also say how its failure is reported: a lesser severity, a `needs-review`
 * kind where the page lacks what would settle it, or a message of the rule's own.
 */
import { ConditionSchema, conditionReads, type Condition } from '../conditions';
import { SeveritySchema } from '../schema-common';
import { z } from '../zod';
import { nested } from './nested';
import { defineCheck, type CheckSpec, type FindingKind, type Outcome, type Severity, PASS } from './types';
import { registryMessageIds, registryReads, registryTriggers } from './walk';

const params = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        when: ConditionSchema,
        check: z.lazy(() => nested.schema!),
        /** Severity of a failure in this case (e.g. a lesser breach gives a warning). */
        severity: SeveritySchema.optional(),
        /** Kind of a failure in this case: `needs-review` when the page cannot settle it. */
        kind: z.enum(['violation', 'needs-review']).optional(),
        /** A message of the rule's own for a failure in this case (the nested check's values fill it). */
        messageId: z.string().regex(/^[a-zA-Z][\w-]*$/, '应为消息编号（以字母开头）').optional(),
      }),
    )
    .min(1),
  otherwise: z.lazy(() => nested.schema!).optional(),
});
type Case = { when: Condition; check: CheckSpec; severity?: Severity; kind?: Extract<FindingKind, 'violation' | 'needs-review'>; messageId?: string };
type Params = { cases: Case[]; otherwise?: CheckSpec };

const checksOf = (p: Params) => [...p.cases.map((c) => c.check), ...(p.otherwise ? [p.otherwise] : [])];

/** A failure in a case that says how it is reported; what the nested check set itself stays. */
function reported(out: Outcome, c: Case): Outcome {
  if (out.status !== 'fail' || (!c.severity && !c.kind && !c.messageId)) return out;
  return {
    ...out,
    severity: out.severity ?? c.severity,
    kind: out.kind ?? c.kind,
    messageId: c.messageId ?? out.messageId,
  };
}

export default defineCheck<Params>({
  id: 'variants',
  description: 'Chooses a nested check by condition.',
  params,
  messages: {},
  // Any variant's fields can start the rule: the variants share their start and closing fields.
  triggers: (p) => registryTriggers(p.otherwise ?? p.cases[0]!.check),
  messageIds: (p) => [...checksOf(p).flatMap(registryMessageIds), ...p.cases.flatMap((c) => (c.messageId ? [c.messageId] : []))],
  reads: (p) => [...p.cases.flatMap((c) => conditionReads(c.when)), ...checksOf(p).flatMap(registryReads)],
  evaluate(ctx, p) {
    for (const c of p.cases) {
      if (!ctx.condition(c.when)) continue;
      return reported(ctx.evaluate(c.check), c);
    }
    return p.otherwise ? ctx.evaluate(p.otherwise) : PASS;
  },
});

/**
 * variants — the first case whose condition holds decides which check applies (an approved
 * extension lengthens a period; a party type changes a threshold). No case and no `otherwise`:
 * passed. A case may also say how its failure is reported: a lesser severity, a `needs-review`
 * kind where the page lacks what would settle it, or a message of the rule's own.
 */
import { conditionReads, type Condition } from '../conditions';
import { defineCheck, type CheckSpec, type FindingKind, type Outcome, type Severity, PASS } from './types';
import { registryMessageIds, registryReads, registryTriggers } from './walk';

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

/**
 * all-of — several checks on one rule; the first that fails is reported. A part whose starting
 * fields the page lacks is skipped.
 */
import { defineCheck, type CheckSpec, PASS } from './types';
import { registryMessageIds, registryReads, registryTriggers } from './walk';

type Params = { checks: CheckSpec[] };

export default defineCheck<Params>({
  id: 'all-of',
  description: 'Every nested check passes; the first failure is reported.',
  messages: {},
  triggers: (p) => p.checks.flatMap(registryTriggers),
  messageIds: (p) => p.checks.flatMap(registryMessageIds),
  reads: (p) => p.checks.flatMap(registryReads),
  evaluate(ctx, p) {
    for (const check of p.checks) {
      // A part whose own fields are not on the page is not applicable (contracts.md §6).
      if (!ctx.applies(check)) continue;
      const out = ctx.evaluate(check);
      if (out.status === 'fail') return out;
    }
    return PASS;
  },
});

/**
 * law-version — which version of a law applies, by the date the rule names (`versionDate`): e.g.
 * 治安管理处罚法 2012 for acts before 2026-01-01, the 2025 revision from that day.
 */
import { parseDateTime } from '../values/parse';
import { defineCheck, type CheckSpec, PASS } from './types';
import { registryMessageIds, registryReads, registryTriggers } from './walk';

type Params = { versions: { from?: string; until?: string; check: CheckSpec }[] };

const day = (s: string) => parseDateTime(s)?.ms ?? NaN;

export default defineCheck<Params>({
  id: 'law-version',
  description: 'Chooses the nested check of the law version in force at the rule’s version date.',
  messages: {},
  triggers: (p) => registryTriggers(p.versions[p.versions.length - 1]!.check),
  messageIds: (p) => p.versions.flatMap((v) => registryMessageIds(v.check)),
  // The version date's own fields are the rule's `versionDate`, which the rule declares.
  reads: (p) => p.versions.flatMap((v) => registryReads(v.check)),
  evaluate(ctx, p) {
    const at = ctx.versionDate();
    const version = p.versions.find(
      (v) => (v.from === undefined || at >= day(v.from)) && (v.until === undefined || at < day(v.until)),
    );
    return version ? ctx.evaluate(version.check) : PASS;
  },
});

/**
 * A pack as a case page runs it (#17.9): every rule with what the engine reads — scope, severity,
 * title, conditions, check, messages and the legal basis it cites — without its examples and the
 * guideline's prose (norm, chronic problem, patrol standard, basis note), which the rule page and
 * the options page show from the full pack. The worker hands it to the content script.
 */
import type { Pack, Rule } from './pack';

export type RuntimeRule = Omit<Rule, 'examples' | 'guideline'> & { guideline: Pick<Rule['guideline'], 'basis'> };
export type RuntimePack = Omit<Pack, 'rules'> & { rules: RuntimeRule[] };

export function runtimePack(pack: Pack): RuntimePack {
  return {
    ...pack,
    rules: pack.rules.map(({ examples: _examples, guideline, ...rule }) => ({ ...rule, guideline: { basis: guideline.basis } })),
  };
}

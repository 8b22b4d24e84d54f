/**
 * The check vocabulary: an explicit, sorted list (no glob hides a dependency). A new kind of check
 * is one file plus its table test, added here.
 */
import allOf from './all-of';
import amountLimit from './amount-limit';
import countMin from './count-min';
import deadline from './deadline';
import idNumber from './id-number';
import lawCitation from './law-citation';
import lawVersion from './law-version';
import notBoth from './not-both';
import order from './order';
import requires from './requires';
import subset from './subset';
import type { CheckDefinition } from './types';
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

export { definitionOf, registryMessageIds, registryReads, registryTriggers } from './walk';

/** Registry look-ups that combinators need at run time (filled by `registry.ts`). */
import type { CheckDefinition, CheckSpec } from './types';

export const definitions = new Map<string, CheckDefinition>();

export function definitionOf(spec: CheckSpec): CheckDefinition {
  const def = definitions.get(spec.type);
  if (!def) throw new Error(`unknown check "${spec.type}"`);
  return def;
}

export function registryTriggers(spec: CheckSpec): string[][] {
  return definitionOf(spec).triggers(spec);
}

export function registryMessageIds(spec: CheckSpec): string[] {
  const def = definitionOf(spec);
  return [...Object.keys(def.messages), ...(def.messageIds?.(spec) ?? [])];
}

export function registryReads(spec: CheckSpec): string[] {
  return definitionOf(spec).reads(spec);
}

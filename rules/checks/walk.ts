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

const triggerCache = new WeakMap<CheckSpec, readonly (readonly string[])[]>();

/** A check's triggers, worked out once per check object (nested checks are asked on every keystroke). */
export function triggersOf(spec: CheckSpec): readonly (readonly string[])[] {
  let triggers = triggerCache.get(spec);
  if (!triggers) triggerCache.set(spec, (triggers = definitionOf(spec).triggers(spec)));
  return triggers;
}

export function registryMessageIds(spec: CheckSpec): string[] {
  const def = definitionOf(spec);
  return [...Object.keys(def.messages), ...(def.messageIds?.(spec) ?? [])];
}

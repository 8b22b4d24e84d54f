/**
 * What importing a pack would change, shown before it is applied: rules added, removed and changed
 * (with the parts that changed), and the user's overrides that would point at no rule.
 */
import type { Pack, Rule } from '../../rules/pack';

export interface RuleChange {
  id: string;
  title: string;
  /** Top-level parts of the rule that differ: severity, check, messages, guideline… */
  parts: string[];
}

export interface PackDiff {
  from: { id: string; version: string; rules: number };
  to: { id: string; version: string; rules: number };
  added: { id: string; title: string }[];
  removed: { id: string; title: string }[];
  changed: RuleChange[];
  unchanged: number;
  /** Rule ids the user has overrides for that the new pack lacks (kept, in case they return). */
  orphanedOverrides: string[];
}

/** Key order does not matter in a pack: compare canonical JSON. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function changedParts(a: Rule, b: Rule): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k])).sort();
}

export function diffPacks(current: Pack, next: Pack, overrideIds: Iterable<string> = []): PackDiff {
  const before = new Map(current.rules.map((r) => [r.id, r]));
  const after = new Map(next.rules.map((r) => [r.id, r]));
  const diff: PackDiff = {
    from: { id: current.id, version: current.version, rules: current.rules.length },
    to: { id: next.id, version: next.version, rules: next.rules.length },
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
    orphanedOverrides: [...overrideIds].filter((id) => !after.has(id)).sort(),
  };
  for (const rule of next.rules) {
    const old = before.get(rule.id);
    if (!old) diff.added.push({ id: rule.id, title: rule.title['zh-CN'] });
    else {
      const parts = changedParts(old, rule);
      if (parts.length) diff.changed.push({ id: rule.id, title: rule.title['zh-CN'], parts });
      else diff.unchanged++;
    }
  }
  for (const rule of current.rules) if (!after.has(rule.id)) diff.removed.push({ id: rule.id, title: rule.title['zh-CN'] });
  return diff;
}

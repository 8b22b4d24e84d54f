/**
 * The fields a label CaseLint could not map may be (#18.4): for the reviewer to choose from, never
 * applied by themselves. Scored by the two-character runs the label shares with each field's labels
 * (a Dice coefficient over bigrams, after the vocabulary's synonyms), a little more when the
 * control's value has the field's type (a date for a time field).
 */
import { FIELDS, fieldGroup, type FieldType } from '../../rules/fields';
import { normalizeLabel } from './labels';

const bigrams = (s: string) => {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
};

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const looksLike = (value: string | null): FieldType | null =>
  !value ? null : /\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}.*\d{1,2}[:时]\d{2}/.test(value) ? 'datetime' : /\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}/.test(value) ? 'date' : null;

let index: { key: string; grams: Set<string>[]; type: FieldType }[] | undefined;

export interface Candidate {
  key: string;
  score: number;
}

/** Up to `n` fields the label may be, best first (only fields that stand once on a page: no repeated-row fields). */
export function candidatesFor(label: string, value: string | null, n = 3): Candidate[] {
  index ??= FIELDS.filter((f) => !fieldGroup(f.key)).map((f) => ({ key: f.key, type: f.type, grams: f.labels.map((l) => bigrams(normalizeLabel(l))) }));
  const grams = bigrams(normalizeLabel(label));
  const kind = looksLike(value);
  const scored: Candidate[] = [];
  for (const f of index) {
    let score = Math.max(...f.grams.map((g) => dice(grams, g)));
    if (kind && (f.type === kind || (kind === 'date' && f.type === 'datetime'))) score += 0.1;
    if (score >= 0.25) scored.push({ key: f.key, score: Math.round(score * 100) / 100 });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, n);
}

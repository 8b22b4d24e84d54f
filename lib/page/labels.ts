/**
 * The label dictionary (fields.md): visible label text → canonical field key. Matching ignores
 * white space, full-/half-width, a trailing colon, a leading `*` and bracketed units (`（元）`).
 * When a label is not one of fields.md's, its variants are tried (#18.1, rules/label-vocabulary.ts):
 * a bracketed note anywhere, a prefix naming the measure or case kind, a synonym phrase, another
 * time ending — and a variant counts only when exactly one field answers to it (never a guess).
 */
import { FIELDS } from '../../rules/fields';
import { LABEL_PREFIXES, LABEL_SYNONYMS, MAX_GENERIC_LABEL, MIN_STEM, SECTION_ENDINGS, TIME_SUFFIXES } from '../../rules/label-vocabulary';
import { toHalfWidth } from '../../rules/values/parse';

export function normalizeLabel(text: string): string {
  let s = toHalfWidth(text).replace(/\s+/g, '');
  s = s.replace(/^\*+/, '').replace(/[:：]+$/, '');
  // A bracketed unit or note at the end: 保证金(元), 罚款金额(人民币元).
  s = s.replace(/\([^()]*\)$/, '').replace(/[:：]+$/, '');
  return s.replace(/^\*+/, '');
}

let dictionary: Map<string, string> | undefined;

export function labelDictionary(): Map<string, string> {
  if (dictionary) return dictionary;
  dictionary = new Map();
  for (const def of FIELDS) {
    for (const label of def.labels) {
      const key = normalizeLabel(label);
      if (!dictionary.has(key)) dictionary.set(key, def.key);
    }
  }
  return dictionary;
}

/** Every phrase of the vocabulary → its group's first, longest phrases first (for a left-to-right scan). */
const PHRASES: [string, string][] = LABEL_SYNONYMS.flatMap((group) => group.map((p) => [p, group[0]!] as [string, string])).sort((a, b) => b[0].length - a[0].length);

/** A label in the vocabulary's words: no bracketed notes, each synonym phrase as its group's first. */
function canonical(normalized: string): string {
  const s = normalized.replace(/\([^()]*\)/g, '');
  let out = '';
  for (let i = 0; i < s.length; ) {
    const hit = PHRASES.find(([p]) => s.startsWith(p, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else out += s[i++];
  }
  return out;
}

/** The forms a canonical label is matched by: itself and without a leading prefix; the time ending made one. */
function formsOf(label: string): string[] {
  const forms = new Set([label]);
  for (const p of LABEL_PREFIXES) if (label.startsWith(p)) forms.add(label.slice(p.length));
  const out: string[] = [];
  for (const form of forms) {
    const ending = TIME_SUFFIXES.find((t) => form.endsWith(t));
    const stem = ending ? form.slice(0, -ending.length) : form;
    if (stem.length >= MIN_STEM) out.push(ending ? `${stem}|时间` : stem);
  }
  return out;
}

let variants: Map<string, Set<string>> | undefined;

/** Variant form → the fields whose labels have it (more than one: the form is ambiguous, never used). */
function variantIndex(): Map<string, Set<string>> {
  if (variants) return variants;
  variants = new Map();
  for (const def of FIELDS) {
    for (const label of def.labels) {
      for (const form of formsOf(canonical(normalizeLabel(label)))) {
        let keys = variants.get(form);
        if (!keys) variants.set(form, (keys = new Set()));
        keys.add(def.key);
      }
    }
  }
  return variants;
}

/** How a label was matched: as written (fields.md) or as a variant. */
export type LabelMatch = { key: string; how: 'exact' | 'variant' | 'section' };

const matched = new Map<string, LabelMatch | null>();

/** The field a label text names and how, if exactly one does. Labels longer than any known one are skipped fast. */
export function matchLabel(text: string): LabelMatch | undefined {
  if (text.length > 40) return undefined;
  const normalized = normalizeLabel(text);
  const cached = matched.get(normalized);
  if (cached !== undefined) return cached ?? undefined;
  const exact = labelDictionary().get(normalized);
  let match: LabelMatch | null = exact ? { key: exact, how: 'exact' } : null;
  if (!match && normalized.length >= MIN_STEM) {
    const keys = new Set<string>();
    for (const form of formsOf(canonical(normalized))) for (const k of variantIndex().get(form) ?? []) keys.add(k);
    if (keys.size === 1) match = { key: [...keys][0]!, how: 'variant' };
  }
  if (matched.size > 20_000) matched.clear(); // labels of one system: a few hundred
  matched.set(normalized, match);
  return match ?? undefined;
}

/** The canonical key a label text names, if any. */
export function keyForLabel(text: string): string | undefined {
  return matchLabel(text)?.key;
}

/** A section title without the words that only say it is a section (通知家属情况 → 通知家属). */
function sectionStem(title: string): string {
  const t = normalizeLabel(title);
  const ending = SECTION_ENDINGS.find((e) => t.endsWith(e) && t.length - e.length >= MIN_STEM);
  return ending ? t.slice(0, -ending.length) : t;
}

/**
 * A generic label (执行时间, 通知时间) read with the title of the section it stands in (#18.1): 拘留执行 +
 * 执行时间 → 拘留执行时间; 通知家属情况 + 通知时间 → 通知家属时间. Only when the label alone names no
 * field, and only when the section's words make exactly one field.
 */
export function matchLabelIn(text: string, section: () => string | null): LabelMatch | undefined {
  const own = matchLabel(text);
  if (own) return own;
  const label = normalizeLabel(text);
  if (label.length > MAX_GENERIC_LABEL || label.length < MIN_STEM) return undefined;
  const title = section();
  if (!title || title.length > 20) return undefined;
  const stem = sectionStem(title);
  const forms = new Set<string>();
  for (const head of new Set([normalizeLabel(title), stem])) {
    // The title's end overlapping the label's start: 拘留执行 + 执行时间.
    for (let k = Math.min(head.length, label.length - 1); k >= 0; k--) {
      if (head.endsWith(label.slice(0, k))) {
        forms.add(head + label.slice(k));
        break;
      }
    }
  }
  // A label "<word><time ending>" whose word is in the title: the title with that ending (通知时间 → 通知家属时间).
  const ending = TIME_SUFFIXES.find((t) => label.endsWith(t));
  if (ending && stem.includes(label.slice(0, -ending.length))) forms.add(stem + ending);
  const keys = new Set<string>();
  for (const form of forms) {
    const m = matchLabel(form);
    if (m) keys.add(m.key);
  }
  return keys.size === 1 ? { key: [...keys][0]!, how: 'section' } : undefined;
}

/**
 * The label dictionary (fields.md): visible label text → canonical field key. Matching ignores
 * white space, full-/half-width, a trailing colon, a leading `*` and bracketed units (`（元）`).
 */
import { FIELDS } from '../../rules/fields';
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

/** The canonical key a label text names, if any. Labels longer than any known one are skipped fast. */
export function keyForLabel(text: string): string | undefined {
  if (text.length > 40) return undefined;
  return labelDictionary().get(normalizeLabel(text));
}

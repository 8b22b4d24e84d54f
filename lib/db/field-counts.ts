/**
 * How many fields the pages of each document (page type) were read with (#18.5): a page that
 * yields far fewer than its type usually does — half loaded, or its system changed — is said in
 * the panel, so that its silence is not taken for compliance. The worker keeps the last few counts
 * per document in storage.local.
 */
export const COUNTS_KEPT = 5;
/** Documents remembered (the oldest forgotten first). */
export const DOCUMENTS_KEPT = 2000;
/** A type that usually has fewer fields is too small to judge. */
const MIN_TYPICAL = 6;

export interface FieldCounts {
  [document: string]: { counts: number[]; lastVisit: string; at: number };
}

/** The usual number of fields of a document: the median of its last reads; null before the first. */
export function typicalFields(counts: readonly number[] | undefined): number | null {
  if (!counts?.length) return null;
  const sorted = [...counts].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Whether a page read with `fieldsRead` fields is far below its type's usual `typical`. */
export function readsFarFewer(fieldsRead: number, typical: number | null): boolean {
  return typical !== null && typical >= MIN_TYPICAL && fieldsRead < typical / 2;
}

/** Counts with this visit's: once per visit (a page reporting while typing is one read, its largest count). */
export function withRead(all: FieldCounts, document: string, visit: string, fieldsRead: number, now: number): FieldCounts {
  const entry = all[document];
  const counts = entry?.lastVisit === visit ? [...entry.counts.slice(0, -1), Math.max(entry.counts[entry.counts.length - 1] ?? 0, fieldsRead)] : [...(entry?.counts ?? []), fieldsRead];
  const next: FieldCounts = { ...all, [document]: { counts: counts.slice(-COUNTS_KEPT), lastVisit: visit, at: now } };
  const keys = Object.keys(next);
  if (keys.length > DOCUMENTS_KEPT) {
    for (const k of keys.sort((a, b) => next[a]!.at - next[b]!.at).slice(0, keys.length - DOCUMENTS_KEPT)) delete next[k];
  }
  return next;
}

/**
 * Rows of the findings log, validated at the boundaries (import, restore) with zod. One row per
 * distinct problem: case + rule + field + row.
 */
import { z } from '../../rules/zod';
import { CaseHeaderSchema, FindingSchema } from '../../rules/finding';
import { DISMISS_REASONS, FINDING_EVENTS, STATUSES, SUBJECTIVE_LEVELS } from './review-vocabulary';

const text = (max: number) => z.string().max(max);

export const FindingEventSchema = z.strictObject({
  event: z.enum(FINDING_EVENTS),
  at: z.number(),
  reviewer: text(100).nullable().default(null),
  reviewerUnit: text(200).nullable().default(null),
  subjectiveLevel: z.enum(SUBJECTIVE_LEVELS).nullable().default(null),
  dismissReason: z.enum(DISMISS_REASONS).nullable().default(null),
  note: text(2000).nullable().default(null),
});
export type FindingEvent = z.infer<typeof FindingEventSchema>;
/** Events kept per finding: the first sighting and the latest ones. */
export const MAX_EVENTS = 200;

export const FindingRowSchema = z.strictObject({
  id: text(64),
  /** Dedup key: caseKey | ruleId | fieldKey | row. */
  key: text(600),
  caseNumber: text(200),
  /** The case number, or the page address when the page shows none. */
  caseKey: text(400),
  /** Which document of the case showed it (lib/db/documents.ts); '' in files written before it was kept. */
  document: text(600).default(''),
  ...CaseHeaderSchema.pick({ caseKind: true, unit: true, officers: true }).shape,
  ...FindingSchema.pick({ ruleId: true, category: true, severity: true, kind: true }).shape,
  /** The field (a key this version may not know, in a file from a newer one). */
  fieldKey: text(100),
  row: z.number().int().nonnegative().nullable(),
  /** How many rows the page had for the rule (null: not known, files written before it was kept). */
  rows: z.number().int().positive().nullable().default(null),
  ...FindingSchema.pick({ message: true, basis: true }).shape,
  pageUrl: text(4000),
  firstSeen: z.number(),
  lastSeen: z.number(),
  timesSeen: z.number().int().positive(),
  lastVisit: text(64),
  status: z.enum(STATUSES),
  fixedAt: z.number().nullable(),
  reviewer: text(100).nullable(),
  reviewerUnit: text(200).nullable(),
  subjectiveLevel: z.enum(SUBJECTIVE_LEVELS).nullable(),
  dismissReason: z.enum(DISMISS_REASONS).nullable(),
  note: text(2000).nullable(),
  /** Last change by a person or by a page, for merging imports (newer wins). */
  updatedAt: z.number(),
  /** When a reviewer last confirmed, dismissed or reopened it (reports count reviews by this). */
  reviewedAt: z.number().nullable().default(null),
  /** The finding's history: first seen, reviews (who, when, with what), fixed, back again. */
  history: z.array(FindingEventSchema).max(MAX_EVENTS).default([]),
});
export type FindingRow = z.infer<typeof FindingRowSchema>;

export const DismissalSchema = z.strictObject({
  caseKey: text(400),
  ruleId: text(100),
  reason: z.enum(DISMISS_REASONS),
  note: text(2000).nullable(),
  reviewer: text(100).nullable(),
  at: z.number(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;

/** One case page checked (for rates: problems per case checked). */
export const PageCheckSchema = z.strictObject({
  id: z.number().int().optional(),
  visit: text(64),
  caseKey: text(400),
  caseNumber: text(200),
  ...CaseHeaderSchema.pick({ caseKind: true, unit: true, officers: true }).shape,
  url: text(4000),
  at: z.number(),
  findingsCount: z.number().int().nonnegative(),
});
export type PageCheck = z.infer<typeof PageCheckSchema>;

/** One finding: a case's document, a rule, a field and a row. */
export const findingKey = (caseKey: string, document: string, ruleId: string, fieldKey: string, row: number | null | undefined) =>
  `${caseKey}|${document}|${ruleId}|${fieldKey}|${row ?? ''}`;

export const event = (e: Pick<FindingEvent, 'event' | 'at'> & Partial<FindingEvent>): FindingEvent => ({
  reviewer: null,
  reviewerUnit: null,
  subjectiveLevel: null,
  dismissReason: null,
  note: null,
  ...e,
});

/** Adds events to a history, each once, in time order, the first sighting and the newest kept. */
export function withEvents(history: readonly FindingEvent[], ...added: FindingEvent[]): FindingEvent[] {
  const seen = new Set<string>();
  const all = [...history, ...added]
    .filter((e) => {
      const id = `${e.event}|${e.at}|${e.reviewer ?? ''}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.at - b.at);
  return all.length > MAX_EVENTS ? [all[0]!, ...all.slice(all.length - MAX_EVENTS + 1)] : all;
}

/** The history a row written before histories were kept can be told from its own fields. */
export function historyFromFields(row: Pick<FindingRow, 'firstSeen' | 'status' | 'reviewedAt' | 'reviewer' | 'reviewerUnit' | 'subjectiveLevel' | 'dismissReason' | 'note' | 'fixedAt'>): FindingEvent[] {
  const out = [event({ event: 'first-seen', at: row.firstSeen })];
  if (row.reviewedAt !== null) {
    const kind = row.status === 'confirmed' ? 'confirmed' : row.status === 'dismissed' ? 'dismissed' : 'reopened';
    out.push(event({ event: kind, at: row.reviewedAt, reviewer: row.reviewer, reviewerUnit: row.reviewerUnit, subjectiveLevel: row.subjectiveLevel, dismissReason: row.dismissReason, note: row.note }));
  }
  if (row.fixedAt !== null) out.push(event({ event: 'fixed', at: row.fixedAt }));
  return withEvents([], ...out);
}

/** A reviewer's decision on findings (confirm with the subjective level, dismiss with a reason, reopen). */
export const ReviewSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('confirm'),
    ids: z.array(z.string().max(64)).min(1).max(100_000),
    subjectiveLevel: z.enum(['主观故意', '疏忽大意', '确实不懂']).nullable(),
    note: z.string().max(2000).nullable(),
  }),
  z.strictObject({
    action: z.literal('dismiss'),
    ids: z.array(z.string().max(64)).min(1).max(100_000),
    reason: z.enum(['false-positive', 'not-applicable', 'accepted-exception']),
    note: z.string().max(2000).nullable(),
  }),
  z.strictObject({ action: z.literal('reopen'), ids: z.array(z.string().max(64)).min(1).max(100_000), note: z.string().max(2000).nullable().optional() }),
]);
export type Review = z.infer<typeof ReviewSchema>;

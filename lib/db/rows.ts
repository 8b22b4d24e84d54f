/**
 * Rows of the findings log, validated at the boundaries (import, restore) with zod. One row per
 * distinct problem: case + rule + field + row.
 */
import { z } from '../../rules/zod';
import { zhTr, type Labels, type Tr } from '../i18n/tr';

export const STATUSES = ['open', 'fixed', 'confirmed', 'dismissed'] as const;
export const SUBJECTIVE_LEVELS = ['主观故意', '疏忽大意', '确实不懂'] as const;
export const DISMISS_REASONS = ['false-positive', 'not-applicable', 'accepted-exception'] as const;

export type Status = (typeof STATUSES)[number];
export type DismissReason = (typeof DISMISS_REASONS)[number];
export type SubjectiveLevel = (typeof SUBJECTIVE_LEVELS)[number];

/** The words for statuses, dismiss reasons and subjective levels, in both locales (stored values stay as they are). */
export const STATUS_NAMES: Labels<Status> = { open: ['待处理', 'Open'], fixed: ['已整改', 'Fixed'], confirmed: ['已确认', 'Confirmed'], dismissed: ['已排除', 'Dismissed'] };
export const DISMISS_NAMES: Labels<DismissReason> = {
  'false-positive': ['误报', 'False positive'],
  'not-applicable': ['不适用', 'Not applicable'],
  'accepted-exception': ['依法例外', 'Lawful exception'],
};
export const SUBJECTIVE_NAMES: Labels<SubjectiveLevel | '未认定'> = {
  主观故意: ['主观故意', 'Intentional'],
  疏忽大意: ['疏忽大意', 'Negligent'],
  确实不懂: ['确实不懂', 'Did not know the rule'],
  未认定: ['未认定', 'Not assessed'],
};
const zhOf = <K extends string>(labels: Labels<K>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, (v as readonly string[])[0]])) as Record<K, string>;
export const STATUS_LABELS: Record<Status, string> = zhOf(STATUS_NAMES);
export const DISMISS_LABELS: Record<DismissReason, string> = zhOf(DISMISS_NAMES);
export const statusLabel = (s: Status, tr: Tr = zhTr) => tr(...STATUS_NAMES[s]);
export const dismissLabel = (r: DismissReason, tr: Tr = zhTr) => tr(...DISMISS_NAMES[r]);
export const subjectiveLabel = (l: SubjectiveLevel | null | undefined, tr: Tr = zhTr) => tr(...SUBJECTIVE_NAMES[l ?? '未认定']);

const text = (max: number) => z.string().max(max);

/** What happened to a finding, in order (#15.2): each event carries only its own inputs. */
export const FINDING_EVENTS = ['first-seen', 'confirmed', 'dismissed', 'reopened', 'fixed', 'reappeared'] as const;
export const EVENT_NAMES: Labels<(typeof FINDING_EVENTS)[number]> = {
  'first-seen': ['首次发现', 'First seen'],
  confirmed: ['确认', 'Confirmed'],
  dismissed: ['排除', 'Dismissed'],
  reopened: ['重新打开', 'Reopened'],
  fixed: ['已整改', 'Fixed'],
  reappeared: ['问题复现', 'Seen again'],
};
export const EVENT_LABELS = zhOf(EVENT_NAMES);
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
  caseKind: text(20).nullable(),
  unit: text(200).nullable(),
  officers: z.array(text(100)).max(50),
  ruleId: text(100),
  category: text(100),
  severity: z.enum(['error', 'warning', 'info']),
  kind: z.enum(['violation', 'due-soon', 'needs-review']),
  fieldKey: text(100),
  row: z.number().int().nonnegative().nullable(),
  /** How many rows the page had for the rule (null: not known, files written before it was kept). */
  rows: z.number().int().positive().nullable().default(null),
  message: text(2000),
  basis: text(2000),
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
  caseKind: text(20).nullable(),
  unit: text(200).nullable(),
  officers: z.array(text(100)).max(50),
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

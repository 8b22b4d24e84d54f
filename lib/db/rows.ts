/**
 * Rows of the findings log, validated at the boundaries (import, restore) with zod. One row per
 * distinct problem: case + rule + field + row.
 */
import { z } from '../../rules/zod';

export const STATUSES = ['open', 'fixed', 'confirmed', 'dismissed'] as const;
export const SUBJECTIVE_LEVELS = ['主观故意', '疏忽大意', '确实不懂'] as const;
export const DISMISS_REASONS = ['false-positive', 'not-applicable', 'accepted-exception'] as const;

export const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = { open: '待处理', fixed: '已整改', confirmed: '已确认', dismissed: '已排除' };
export const DISMISS_LABELS: Record<(typeof DISMISS_REASONS)[number], string> = {
  'false-positive': '误报',
  'not-applicable': '不适用',
  'accepted-exception': '依法例外',
};

const text = (max: number) => z.string().max(max);

export const FindingRowSchema = z.strictObject({
  id: text(64),
  /** Dedup key: caseKey | ruleId | fieldKey | row. */
  key: text(600),
  caseNumber: text(200),
  /** The case number, or the page address when the page shows none. */
  caseKey: text(400),
  caseKind: text(20).nullable(),
  unit: text(200).nullable(),
  officers: z.array(text(100)).max(50),
  ruleId: text(100),
  category: text(100),
  severity: z.enum(['error', 'warning', 'info']),
  kind: z.enum(['violation', 'due-soon', 'needs-review']),
  fieldKey: text(100),
  row: z.number().int().nonnegative().nullable(),
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

export const findingKey = (caseKey: string, ruleId: string, fieldKey: string, row: number | null | undefined) =>
  `${caseKey}|${ruleId}|${fieldKey}|${row ?? ''}`;

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
  z.strictObject({ action: z.literal('reopen'), ids: z.array(z.string().max(64)).min(1).max(100_000) }),
]);
export type Review = z.infer<typeof ReviewSchema>;

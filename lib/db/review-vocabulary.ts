/**
 * The words of the review workflow — statuses, dismiss reasons, subjective levels, the events of a
 * finding's history — as stored (English keys) and as shown, in both locales. No schema: the
 * in-page audit panel uses them too; the stored rows' schemas are in rows.ts.
 */
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

/** What a confirm or dismiss did, said to the reviewer (the in-page panel and the side panel). */
export function reviewSaid(r: { ok: true } | { ok: false; error: string }, action: 'confirm' | 'dismiss', tr: Tr): string {
  if (!r.ok) return tr(`未完成：${r.error}`, `Not done: ${r.error}`);
  return action === 'dismiss' ? tr('已排除（本案不再提示）', 'Dismissed (no longer shown for this case)') : tr('已确认', 'Confirmed');
}

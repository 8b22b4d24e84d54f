/**
 * Typed messages between the extension's contexts, named by direction (cs = content script,
 * bg = background, sp = side panel). Both ends validate with zod; the background checks the sender.
 */
import { FIELD_KEYS } from '../../rules/fields';
import { z } from '../../rules/zod';

export const FindingSchema = z.strictObject({
  ruleId: z.string().max(100),
  fieldKey: z.enum(FIELD_KEYS),
  severity: z.enum(['error', 'warning', 'info']),
  kind: z.enum(['violation', 'due-soon', 'needs-review']),
  message: z.string().max(2000),
  basis: z.string().max(2000),
  row: z.number().int().nonnegative().max(10_000).optional(),
  category: z.string().max(100),
  title: z.string().max(200),
  dueAt: z.number().optional(),
});

/** What the side panel shows for a tab: the current result of its page. */
export const PageSummarySchema = z.strictObject({
  url: z.string().max(4000),
  title: z.string().max(500),
  caseNumber: z.string().max(200).nullable(),
  findings: z.array(FindingSchema).max(5000),
  passed: z.array(z.string().max(100)).max(1000),
  notApplicable: z.array(z.string().max(100)).max(1000),
  warnings: z.array(z.string().max(1000)).max(200),
  at: z.number(),
});
export type PageSummary = z.infer<typeof PageSummarySchema>;

export const CsToBg = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('cs-bg:page-result'), summary: PageSummarySchema })]);
export type CsToBg = z.infer<typeof CsToBg>;

export const BgToCs = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bg-cs:toggle-panel') }),
  /** From the side panel: scroll to and highlight a finding's field. */
  z.strictObject({ type: z.literal('bg-cs:focus'), fieldKey: z.enum(FIELD_KEYS), row: z.number().int().nonnegative().optional() }),
]);
export type BgToCs = z.infer<typeof BgToCs>;

/** storage.session key of a tab's page summary (extension contexts only). */
export const pageKey = (tabId: number) => `page:${tabId}`;

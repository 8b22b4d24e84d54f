/**
 * A finding and the case it concerns, defined once (#17.3): the engine's output, what the content
 * script reports (lib/messaging/protocol.ts), what the log stores (lib/db/rows.ts), what the hub
 * gives back and what the panels show are this shape or a part of it. The engine imports the types
 * only: it runs without zod.
 */
import { FieldKeySchema, SeveritySchema } from './schema-common';
import { z } from './zod';

export const FindingKindSchema = z.enum(['violation', 'due-soon', 'needs-review']);

export const FindingSchema = z.strictObject({
  ruleId: z.string().max(100),
  fieldKey: FieldKeySchema,
  severity: SeveritySchema,
  kind: FindingKindSchema,
  message: z.string().max(2000),
  basis: z.string().max(2000),
  /** Row of a repeated group (suspect, interrogation session), from 0. */
  row: z.number().int().nonnegative().max(10_000).optional(),
  /** How many rows the rule ran over, with `row`: a page with one row shows no "（第1行）". */
  rows: z.number().int().positive().max(10_001).optional(),
  category: z.string().max(100),
  /** The rule's short title in the scan's locale. */
  title: z.string().max(200),
  /** For a countdown: the due instant (epoch ms). */
  dueAt: z.number().optional(),
  /** What else makes the rule pass: its lawful exception, recorded on the form (rules/remedy.ts). */
  remedy: z.string().max(1000).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Who and what a case page is about, as read from it (案件编号、案件类型、办案单位、办案人). */
export const CaseHeaderSchema = z.strictObject({
  caseNumber: z.string().max(200).nullable(),
  caseKind: z.string().max(20).nullable(),
  unit: z.string().max(200).nullable(),
  officers: z.array(z.string().max(100)).max(50),
});
export type CaseHeader = z.infer<typeof CaseHeaderSchema>;

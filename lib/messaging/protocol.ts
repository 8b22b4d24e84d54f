/**
 * Typed messages between the extension's contexts, named by direction (cs = content script,
 * bg = background, ui = extension pages: log, options, popup, side panel). One protocol object
 * gives each request type its input and output schemas. The background validates both — every
 * request it takes in, every answer it gives — and its handler table must cover every type (a
 * missing handler is a compile error); senders use `request` (request.ts), which carries no schema.
 */
import { FIELD_KEYS } from '../../rules/fields';
import { z } from '../../rules/zod';
import { CaseHeaderSchema, FindingSchema } from '../../rules/finding';
import { ReviewSchema } from '../db/rows';
import { IMPORT_CHUNK_ROWS, LOG_PARTS, LogFileHeaderSchema } from '../db/log-import';
import { LogHealthSchema } from '../db/auto-backup';
import { HubSyncStateSchema } from '../hub/sync';
import { RoleSchema, RuleOverridesSchema, SiteProfileSchema, UiLocaleSchema } from '../config/schema';
import type { RuntimePack } from '../../rules/runtime-pack';

/** A finding as a page reports it: the record in zh-CN (contracts.md), and as the user saw it in English. */
export const ReportedFindingSchema = FindingSchema.extend({
  en: z.strictObject({ message: FindingSchema.shape.message, title: FindingSchema.shape.title, remedy: FindingSchema.shape.remedy }).optional(),
});

/** A labelled control the page reader could not map (#18.4): its label, how to find it again, the fields it may be. */
export const UnmappedFieldSchema = z.strictObject({
  label: z.string().max(100),
  selector: z.string().max(1000),
  candidates: z.array(z.enum(FIELD_KEYS)).max(5),
});
export type UnmappedField = z.infer<typeof UnmappedFieldSchema>;

/** A field the page was read with, and how it was found (#18.4). */
export const MatchedFieldSchema = z.strictObject({
  key: z.enum(FIELD_KEYS),
  label: z.string().max(200),
  how: z.enum(['exact', 'variant', 'section', 'profile']),
});
export type MatchedField = z.infer<typeof MatchedFieldSchema>;

/** What the side panel shows for a tab, and what the log records: a page's current result. */
export const PageSummarySchema = z.strictObject({
  /** One page load; reports while typing are one sighting. */
  visit: z.string().max(64),
  url: z.string().max(4000),
  title: z.string().max(500),
  ...CaseHeaderSchema.shape,
  findings: z.array(ReportedFindingSchema).max(5000),
  passed: z.array(z.string().max(100)).max(1000),
  notApplicable: z.array(z.string().max(100)).max(1000),
  warnings: z.array(z.string().max(1000)).max(200),
  at: z.number(),
  /** Rules a reviewer dismissed for this case (the worker adds them for the side panel; their findings are hidden). */
  dismissed: z.array(z.string().max(100)).max(1000).optional(),
  /** How many case fields the page was read with (#18.5). */
  fieldsRead: z.number().int().nonnegative().max(100_000).optional(),
  /** How many pages of this type usually give (the worker adds it for the side panel). */
  typicalFields: z.number().int().nonnegative().nullable().optional(),
  /** Labelled controls the reader could not map, and how each field was found (#18.4). */
  unmapped: z.array(UnmappedFieldSchema).max(40).optional(),
  matched: z.array(MatchedFieldSchema).max(500).optional(),
});
export type PageSummary = z.infer<typeof PageSummarySchema>;

/** One finding of a page to confirm or dismiss, named by the page and what it is about (no log ids needed). */
const ReviewFindingInput = z.strictObject({
  url: z.string().max(4000),
  caseNumber: CaseHeaderSchema.shape.caseNumber,
  ...FindingSchema.pick({ ruleId: true, fieldKey: true, row: true }).shape,
  action: z.enum(['confirm', 'dismiss']),
  reason: z.enum(['false-positive', 'not-applicable', 'accepted-exception']).nullable(),
});

/**
 * What a case page's content script is handed by the worker (#17.9, lib/config/page-config.ts):
 * whether CaseLint runs on the page's origin, and the configuration in force as the page needs it.
 * The pack was validated where it entered CaseLint (import, policy, hub) and is only shaped here.
 */
export const PageConfigSchema = z.strictObject({
  active: z.boolean(),
  locale: UiLocaleSchema,
  role: RoleSchema,
  pack: z.custom<RuntimePack>((v) => !!v && typeof v === 'object' && Array.isArray((v as RuntimePack).rules), '应为规则包'),
  ruleOverrides: RuleOverridesSchema,
  profiles: z.array(SiteProfileSchema),
  /** The holiday calendar in force, as date lists (the bundled years first, then imported ones). */
  calendars: z.array(z.strictObject({ holidays: z.array(z.string()), workdays: z.array(z.string()), years: z.array(z.number().int()).optional() })),
});
export type PageConfig = z.infer<typeof PageConfigSchema>;

const Failure = z.strictObject({ ok: z.literal(false), error: z.string() });
/** A file or chunk that is not what it should be: every error by its path. */
const Invalid = z.strictObject({ ok: z.literal(false), errors: z.array(z.string()) });
const ImportOutcome = z.union([z.strictObject({ ok: z.literal(true), added: z.number(), updated: z.number(), unchanged: z.number() }), Invalid, Failure]);

export const protocol = {
  'cs-bg:page-result': {
    input: PageSummarySchema,
    output: z.union([z.strictObject({ ok: z.literal(true), dismissedRules: z.array(z.string()), typicalFields: z.number().int().nonnegative().nullable().default(null) }), Failure]),
  },
  'ui-bg:review': {
    input: ReviewSchema,
    output: z.union([z.strictObject({ ok: z.literal(true), updated: z.number() }), Failure]),
  },
  /**
   * An import of any size (#16.2): begin (the file's header, its size for the free-space check),
   * then its rows in chunks (each checked, by its place in the file, and staged), then one
   * all-or-nothing merge; abort drops what was staged.
   */
  'ui-bg:import-begin': {
    input: z.strictObject({ header: LogFileHeaderSchema, bytes: z.number().nonnegative() }),
    output: z.union([z.strictObject({ ok: z.literal(true), stagingId: z.string() }), Failure]),
  },
  'ui-bg:import-chunk': {
    input: z.strictObject({ stagingId: z.string().max(64), part: z.enum(LOG_PARTS), offset: z.number().int().nonnegative(), rows: z.array(z.unknown()).max(IMPORT_CHUNK_ROWS) }),
    output: z.union([z.strictObject({ ok: z.literal(true) }), Invalid, Failure]),
  },
  'ui-bg:import-commit': {
    input: z.strictObject({ stagingId: z.string().max(64) }),
    output: ImportOutcome,
  },
  'ui-bg:import-abort': {
    input: z.strictObject({ stagingId: z.string().max(64) }),
    output: z.strictObject({ ok: z.literal(true) }),
  },
  /** Sync with the unit's hub now (options page, popup); `reenroll` forgets a refused token first. */
  'ui-bg:hub-sync': {
    input: z.strictObject({ reenroll: z.boolean().default(false) }),
    output: z.union([z.strictObject({ ok: z.literal(true), state: HubSyncStateSchema.nullable() }), Failure]),
  },
  /** Whether the log holds the rows it should (#16.1), with the automatic backups to restore from. */
  'ui-bg:log-health': {
    input: z.strictObject({}),
    output: z.union([LogHealthSchema, Failure]),
  },
  /** Merges an automatic backup back into the log (the same merge as an import). */
  'ui-bg:restore-backup': {
    input: z.strictObject({ id: z.string().max(64) }),
    output: ImportOutcome,
  },
  /** The user has seen a loss and chose not to restore: the current count becomes the expected one. */
  'ui-bg:accept-log-count': {
    input: z.strictObject({}),
    output: z.union([z.strictObject({ ok: z.literal(true) }), Failure]),
  },
  'ui-bg:retention': {
    input: z.strictObject({ days: z.number().int().positive().nullable() }),
    output: z.union([z.strictObject({ ok: z.literal(true), deleted: z.number() }), Failure]),
  },
  /**
   * A reviewer confirms or dismisses a finding from the in-page panel (#15.2): named by the page and
   * what it is about (the content script knows no log ids); the worker finds the row and reviews it.
   */
  'cs-bg:review-finding': {
    input: ReviewFindingInput,
    output: z.union([z.strictObject({ ok: z.literal(true), updated: z.number() }), Failure]),
  },
  /** The same from the side panel (an extension page), for the tab it shows; the tab then hides a dismissed rule. */
  'ui-bg:review-finding': {
    input: ReviewFindingInput.extend({ tabId: z.number().int().nonnegative() }),
    output: z.union([z.strictObject({ ok: z.literal(true), updated: z.number() }), Failure]),
  },
  /**
   * A page with case fields but no rule to check is not logged; how many fields it gave is still
   * compared with its type's usual count (#18.5): a half-loaded page must not look compliant.
   */
  'cs-bg:fields-read': {
    input: z.strictObject({ visit: z.string().max(64), url: z.string().max(4000), caseNumber: z.string().max(200).nullable(), fieldsRead: z.number().int().nonnegative().max(100_000) }),
    output: z.union([z.strictObject({ ok: z.literal(true), typicalFields: z.number().int().nonnegative().nullable() }), Failure]),
  },
  /** A case page asks what to run with (the content script bundles no pack, no schema, no holiday data). */
  'cs-bg:page-config': {
    input: z.strictObject({ origin: z.string().max(300) }),
    output: z.union([z.strictObject({ ok: z.literal(true), config: PageConfigSchema }), Failure]),
  },
  /** The reviewer UI (in-page panel, field picker) into the asking frame: injected, not bundled with the content script. */
  'cs-bg:load-reviewer-ui': {
    input: z.strictObject({}),
    output: z.union([z.strictObject({ ok: z.literal(true) }), Failure]),
  },
  /** 选取字段 or 未识别字段 → 指定: a control of this page type is a field (a site-profile entry, #18.4). */
  'cs-bg:assign-field': {
    input: z.strictObject({
      urlPattern: z.string().min(1).max(1000),
      field: z.strictObject({ key: z.enum(FIELD_KEYS), selector: z.string().min(1).max(500), row: z.number().int().nonnegative().max(1000).optional() }),
    }),
    output: z.union([z.strictObject({ ok: z.literal(true) }), Failure]),
  },
  /** A warning's "查看规则全文": the worker opens the rule page (a web page may not link to it). */
  'cs-bg:open-rule': {
    input: z.strictObject({ ruleId: z.string().regex(/^[a-z0-9-]{1,100}$/) }),
    output: z.strictObject({ ok: z.literal(true) }),
  },
  /** The options page after a change of sites: register content scripts now, report what lacks access. */
  'ui-bg:sync-sites': {
    input: z.strictObject({}),
    output: z.union([
      z.strictObject({
        ok: z.literal(true),
        registered: z.array(z.string()),
        unregistered: z.array(z.string()),
        missingPermission: z.array(z.string()),
        errors: z.array(z.string()),
      }),
      Failure,
    ]),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Input<T extends MessageType> = z.infer<(typeof protocol)[T]['input']>;
export type Output<T extends MessageType> = z.infer<(typeof protocol)[T]['output']>;

/** The envelope on the wire. */
export const Envelope = z.strictObject({ type: z.enum(Object.keys(protocol) as [MessageType, ...MessageType[]]), input: z.unknown() });

/** Messages the background (or the side panel) sends to a tab's content script. */
export const BgToCs = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bg-cs:toggle-panel') }),
  /** From the side panel: scroll to and highlight a finding's field. */
  z.strictObject({ type: z.literal('bg-cs:focus'), fieldKey: z.enum(FIELD_KEYS), row: z.number().int().nonnegative().optional() }),
  /** From the popup: start "pick a field" (选取字段) on this page. */
  z.strictObject({ type: z.literal('bg-cs:pick-field') }),
  /** From the side panel: a reviewer dismissed these rules for this case; hide their warnings. */
  z.strictObject({ type: z.literal('bg-cs:dismissed'), ruleIds: z.array(z.string().max(100)).max(1000) }),
]);
export type BgToCs = z.infer<typeof BgToCs>;

/** storage.session key of a tab's page summary (extension contexts only). */
export const pageKey = (tabId: number) => `page:${tabId}`;

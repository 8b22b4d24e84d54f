/**
 * What a user (options page, popup) and the unit's IT staff (browser policy, storage.managed)
 * configure: the intranet sites, the role, the rule overrides, site profiles. Every value read from
 * storage or from a file goes through these schemas; errors name the path.
 */
import { FieldKeySchema, SeveritySchema } from '../../rules/schema-common';
import { z } from '../../rules/zod';

/**
 * An intranet origin as typed by a user or IT: `http://10.12.3.4:8080`, `10.12.3.4:8080`,
 * `http://jz.gaj.local/`. Normalised to scheme://host[:port]; paths, queries, credentials and
 * wildcards are refused (a match pattern cannot wildcard parts of an IP address).
 */
export function normalizeOrigin(input: string): { ok: true; origin: string } | { ok: false; error: string } {
  const text = input.trim();
  if (!text) return { ok: false, error: '请输入站点地址，例如 http://10.12.3.4:8080' };
  if (text.includes('*')) return { ok: false, error: '站点地址不能含通配符 *：请逐个添加具体地址（例如 http://10.12.3.4:8080）' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `无法识别的站点地址：${text}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `只支持 http 或 https 站点：${text}` };
  if (url.username || url.password) return { ok: false, error: '站点地址不能含用户名或密码' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, error: `请只填写站点（协议、地址和端口），不要含路径：${url.origin}` };
  }
  return { ok: true, origin: url.origin };
}

export const OriginSchema = z.string().transform((s, ctx) => {
  const r = normalizeOrigin(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r.origin;
});

/** A unit's enrollment code for its hub (given by the hub's admin). */
export const HubCodeSchema = z.string().trim().min(8, '登记码至少 8 位').max(200);

export const RoleSchema = z.enum(['officer', 'reviewer']);
export type Role = z.infer<typeof RoleSchema>;
export const UiLocaleSchema = z.enum(['zh-CN', 'en']);
export type UiLocale = z.infer<typeof UiLocaleSchema>;

/** A user's (or the unit's) choices for one rule, kept apart from the pack. */
export const RuleOverrideSchema = z.strictObject({
  enabled: z.boolean().optional(),
  severity: SeveritySchema.optional(),
  /** Cap of the due-soon window, in hours (the guideline's default is 24). */
  dueSoonCapHours: z.number().positive('应为正数').max(24 * 30, '不应超过 720 小时').optional(),
});
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;
export const RuleOverridesSchema = z.record(z.string().max(100), RuleOverrideSchema);

const RegexSchema = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    (s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: '应为有效的正则表达式' },
  );

/** A site profile: pages whose labels are not recognised get their fields by selector. */
export const SiteProfileSchema = z.strictObject({
  id: z.string().min(1).max(100),
  /** A regular expression matched against the page URL. */
  urlPattern: RegexSchema,
  fields: z
    .array(
      z.strictObject({
        key: FieldKeySchema,
        selector: z.string().min(1).max(500),
        row: z.number().int().nonnegative().max(1000).optional(),
      }),
    )
    .max(500),
  zoneOffsetMinutes: z.number().int().min(-720).max(840).optional(),
});
export type SiteProfileConfig = z.infer<typeof SiteProfileSchema>;

export const PROFILES_FORMAT = 'caselint.profiles/v1';
export const ProfilesFileSchema = z.strictObject({
  format: z.literal(PROFILES_FORMAT),
  profiles: z.array(SiteProfileSchema).max(200),
});

export const SiteSchema = z.strictObject({ origin: OriginSchema, addedAt: z.number() });
export type Site = z.infer<typeof SiteSchema>;

/** The user's configuration in storage.local (besides the reviewer settings). */
export const UserConfigSchema = z.strictObject({
  /** Intranet origins the user added (the demo origins localhost and 127.0.0.1 are built in). */
  sites: z.array(SiteSchema).max(200).default([]),
  /** Origins switched off (options page or popup), built-in ones included. */
  disabledOrigins: z.array(OriginSchema).max(400).default([]),
  ruleOverrides: RuleOverridesSchema.default({}),
  profiles: z.array(SiteProfileSchema).max(200).default([]),
  /** The unit's hub (汇总服务), when the user set one: nothing is sent anywhere without it. */
  hub: z.strictObject({ url: OriginSchema.nullable(), enrollmentCode: HubCodeSchema.nullable() }).default({ url: null, enrollmentCode: null }),
});
export type UserConfig = z.infer<typeof UserConfigSchema>;
export const DEFAULT_USER_CONFIG: UserConfig = { sites: [], disabledOrigins: [], ruleOverrides: {}, profiles: [], hub: { url: null, enrollmentCode: null } };

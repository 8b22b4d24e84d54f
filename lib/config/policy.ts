/**
 * Enterprise policy (storage.managed, schema in public/managed_schema.json): the unit's IT staff push
 * intranet origins, the unit list, a rule pack and settings, and lock what users may not change.
 * A policy is read field by field: one broken field is reported by path and ignored, the rest applies.
 */
import { formatPath, validatePack, type Pack } from '../../rules/pack';
import { z } from '../../rules/zod';
import { HubCodeSchema, normalizeOrigin, OriginSchema, RoleSchema, RuleOverridesSchema, UiLocaleSchema, type RuleOverride } from './schema';

/** Settings a policy can lock (the options page shows them read-only, with the reason). */
export const LOCKABLE = ['role', 'locale', 'reviewerName', 'reviewerUnit', 'retentionDays', 'reminders', 'sites', 'rules', 'rulePack', 'calendar', 'profiles'] as const;
export type Lockable = (typeof LOCKABLE)[number];

export const PolicySettingsSchema = z.strictObject({
  role: RoleSchema.optional(),
  locale: UiLocaleSchema.optional(),
  reviewerUnit: z.string().max(200).optional(),
  retentionDays: z.number().int().positive().optional(),
  reminders: z.boolean().optional(),
});
export type PolicySettings = z.infer<typeof PolicySettingsSchema>;

export interface Policy {
  origins: string[];
  units: string[];
  settings: PolicySettings;
  locked: Set<Lockable>;
  pack?: Pack;
  ruleOverrides: Record<string, RuleOverride>;
  /** The unit's hub and its enrollment code: the browser enrolls and syncs by itself. */
  hub?: { url: string; enrollmentCode: string | null };
}

export interface PolicyReading {
  policy: Policy;
  /** Whether any policy is set at all (the options page says "由单位策略管理"). */
  present: boolean;
  errors: string[];
}

const KNOWN_KEYS = new Set(['origins', 'units', 'settings', 'lockedSettings', 'rulePack', 'ruleOverrides', 'hubUrl', 'hubEnrollmentCode']);

function issues(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${formatPath([prefix, ...i.path])}: ${i.message}`);
}

export function emptyPolicy(): Policy {
  return { origins: [], units: [], settings: {}, locked: new Set(), ruleOverrides: {} };
}

/** Reads what storage.managed holds. Unknown keys and invalid fields are reported, never thrown. */
export function readPolicy(raw: unknown): PolicyReading {
  const policy = emptyPolicy();
  const errors: string[] = [];
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, present: false, errors: raw == null ? [] : ['policy: 应为对象'] };
  }
  const data = raw as Record<string, unknown>;
  const present = Object.keys(data).length > 0;
  for (const key of Object.keys(data)) if (!KNOWN_KEYS.has(key)) errors.push(`${key}: 未知的策略项`);

  if (data.origins !== undefined) {
    if (!Array.isArray(data.origins)) errors.push('origins: 应为站点地址列表');
    else
      data.origins.forEach((o, i) => {
        const r = typeof o === 'string' ? normalizeOrigin(o) : ({ ok: false, error: '应为字符串' } as const);
        if (r.ok) {
          if (!policy.origins.includes(r.origin)) policy.origins.push(r.origin);
        } else errors.push(`origins[${i}]: ${r.error}`);
      });
  }
  /** One policy key through its schema: applied when valid, else its errors by path. */
  const take = <T>(key: string, schema: z.ZodType<T>, apply: (value: T) => void) => {
    if (data[key] === undefined) return;
    const r = schema.safeParse(data[key]);
    if (r.success) apply(r.data);
    else errors.push(...issues(key, r.error));
  };
  take('units', z.array(z.string().min(1).max(200)).max(500), (v) => (policy.units = [...new Set(v)]));
  take('settings', PolicySettingsSchema, (v) => (policy.settings = v));
  take('lockedSettings', z.array(z.enum(LOCKABLE)), (v) => (policy.locked = new Set(v)));
  take('ruleOverrides', RuleOverridesSchema, (v) => (policy.ruleOverrides = v));
  take('hubUrl', OriginSchema, (url) => (policy.hub = { url, enrollmentCode: policy.hub?.enrollmentCode ?? null }));
  take('hubEnrollmentCode', HubCodeSchema, (code) => {
    if (policy.hub) policy.hub.enrollmentCode = code;
    else if (data.hubUrl === undefined) errors.push('hubEnrollmentCode: 未设置 hubUrl，登记码不起作用');
  });
  if (data.rulePack !== undefined) {
    // Policies carry the pack as JSON text (Chrome's policy schema cannot describe a whole pack).
    const v = validatePack(data.rulePack);
    if (v.ok) policy.pack = v.pack;
    else errors.push(...v.errors.map((e) => `rulePack.${e}`));
  }
  return { policy, present, errors };
}

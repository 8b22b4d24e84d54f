/**
 * The configuration in force: the user's choices merged with the unit's policy. Pure (no storage,
 * no DOM), so the options page, the popup, the content script, the worker and the tests agree.
 *
 * - A policy setting is the default; a locked one wins over the user's and cannot be changed.
 * - Policy origins are sites the user cannot remove (and, with `sites` locked, cannot switch off).
 * - The pack: the policy's, else the user's imported one, else the built-in pack.
 * - Rule overrides: the policy's, with the user's on top unless `rules` is locked.
 */
import { validatePack, type Pack } from '../../rules/pack';
import type { CalendarFile } from '../../rules/periods/calendar-file';
import { HubServedConfigSchema } from '../hub/sync';
import { defaultPack } from '../../rules/packs/default';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../settings/settings';
import type { Lockable, Policy, PolicyReading } from './policy';
import { isBuiltInOrigin } from './origins';
import { UserConfigSchema, DEFAULT_USER_CONFIG, type RuleOverride, type SiteProfileConfig, type UserConfig } from './schema';

export interface SiteEntry {
  origin: string;
  /** Pushed by policy: cannot be removed here. */
  managed: boolean;
  enabled: boolean;
  addedAt?: number;
}

export type PackSource = 'built-in' | 'user' | 'hub' | 'policy';

export interface EffectiveConfig {
  settings: Settings;
  locked: ReadonlySet<Lockable>;
  sites: SiteEntry[];
  /** Origins switched off by the user (built-in ones included). */
  disabledOrigins: string[];
  ruleOverrides: Record<string, RuleOverride>;
  profiles: SiteProfileConfig[];
  units: string[];
  pack: Pack;
  packSource: PackSource;
  /** Why a stored or pushed value was not used (shown on the options page). */
  problems: string[];
  policyPresent: boolean;
  /** The unit's hub, if one is configured (policy first, then the user's): the only origin CaseLint ever talks to. */
  hub: { url: string; enrollmentCode: string | null; byPolicy: boolean } | null;
  /** Holiday years the hub serves (laid under the user's imported ones). */
  hubCalendars: CalendarFile[];
}

export interface StoredState {
  /** storage.local `settings`, as stored (possibly from an older version). */
  settings: unknown;
  /** storage.local `config`. */
  config: unknown;
  /** storage.local `rulePack`: the user's imported pack, or null. */
  rulePack: unknown;
  /** storage.local `hubConfig`: what the unit's hub serves (used only while a hub is configured). */
  hubConfig?: unknown;
}

function userSettings(raw: unknown, problems: string[]): { settings: Settings; explicit: Set<string> } {
  if (raw === null || raw === undefined) return { settings: { ...DEFAULT_SETTINGS }, explicit: new Set() };
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push('已保存的设置无法读取，已使用默认设置 / stored settings unreadable, defaults used');
    return { settings: { ...DEFAULT_SETTINGS }, explicit: new Set() };
  }
  return { settings: parsed.data, explicit: new Set(Object.keys(raw as object)) };
}

function userConfig(raw: unknown, problems: string[]): UserConfig {
  if (raw === null || raw === undefined) return DEFAULT_USER_CONFIG;
  const parsed = UserConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push('已保存的站点与规则设置无法读取 / stored site and rule settings unreadable');
  return DEFAULT_USER_CONFIG;
}

export function effectiveConfig(stored: StoredState, policyReading: PolicyReading): EffectiveConfig {
  const problems = policyReading.errors.map((e) => `单位策略 / policy: ${e}`);
  const policy: Policy = policyReading.policy;
  const locked = policy.locked;
  const { settings: own, explicit } = userSettings(stored.settings, problems);
  const user = userConfig(stored.config, problems);

  const settings: Settings = { ...own };
  for (const [key, value] of Object.entries(policy.settings) as [keyof Settings, never][]) {
    if (value === undefined) continue;
    if (locked.has(key as Lockable) || !explicit.has(key)) (settings as Record<string, unknown>)[key] = value;
  }

  const disabled = new Set(user.disabledOrigins);
  const sites: SiteEntry[] = [];
  for (const origin of policy.origins) {
    sites.push({ origin, managed: true, enabled: locked.has('sites') || !disabled.has(origin) });
  }
  if (!locked.has('sites')) {
    for (const s of user.sites) {
      if (!policy.origins.includes(s.origin)) sites.push({ origin: s.origin, managed: false, enabled: !disabled.has(s.origin), addedAt: s.addedAt });
    }
  }

  const hub = policy.hub ? { ...policy.hub, byPolicy: true } : user.hub.url ? { url: user.hub.url, enrollmentCode: user.hub.enrollmentCode, byPolicy: false } : null;
  // What the hub serves lies under the policy: a policy's pack or override wins where set.
  const served = hub ? HubServedConfigSchema.safeParse(stored.hubConfig ?? null) : null;
  const fromHub = served?.success ? served.data : null;

  let pack = policy.pack;
  let packSource: PackSource = 'policy';
  if (!pack && fromHub?.rulePack != null) {
    const v = validatePack(fromHub.rulePack);
    if (v.ok) {
      pack = v.pack;
      packSource = 'hub';
    } else problems.push(`汇总服务下发的规则包无效，未采用 / the hub's pack is invalid: ${v.errors[0]}`);
  }
  if (!pack && stored.rulePack != null && !locked.has('rulePack')) {
    const v = validatePack(stored.rulePack);
    if (v.ok) {
      pack = v.pack;
      packSource = 'user';
    } else problems.push(`导入的规则包无效，已使用内置规则包 / imported pack invalid, built-in pack used: ${v.errors[0]}`);
  }
  if (!pack) {
    pack = defaultPack();
    packSource = 'built-in';
  }

  const ruleOverrides: Record<string, RuleOverride> = {};
  const unit = fromHub?.ruleOverrides ?? {};
  const ids = new Set([...Object.keys(unit), ...Object.keys(policy.ruleOverrides), ...(locked.has('rules') ? [] : Object.keys(user.ruleOverrides))]);
  for (const id of ids) {
    const base = { ...unit[id], ...policy.ruleOverrides[id] };
    ruleOverrides[id] = locked.has('rules') ? base : { ...base, ...user.ruleOverrides[id] };
  }

  return {
    settings,
    locked,
    sites,
    disabledOrigins: user.disabledOrigins,
    ruleOverrides,
    profiles: user.profiles,
    units: policy.units,
    pack,
    packSource,
    problems,
    policyPresent: policyReading.present,
    hub,
    hubCalendars: fromHub?.calendars ?? [],
  };
}

/** Whether CaseLint reads pages of this origin: a built-in or configured site that is switched on. */
export function isActiveOn(config: Pick<EffectiveConfig, 'sites' | 'disabledOrigins'>, origin: string): boolean {
  if (isBuiltInOrigin(origin)) {
    // The built-in row (http://127.0.0.1) stands for every port; a port may also be off on its own.
    const host = new URL(origin);
    return !config.disabledOrigins.includes(origin) && !config.disabledOrigins.includes(`${host.protocol}//${host.hostname}`);
  }
  return config.sites.some((s) => s.origin === origin && s.enabled);
}

/**
 * The origins whose content scripts the worker registers: every configured site that is on (one on
 * a built-in host, such as http://127.0.0.1:8080, is registered too; the script runs once per page).
 */
export function registeredOrigins(config: Pick<EffectiveConfig, 'sites'>): string[] {
  return config.sites.filter((s) => s.enabled).map((s) => s.origin);
}

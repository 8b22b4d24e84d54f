/**
 * Where the configuration lives: storage.local for the user's choices (settings only — the log is
 * in the worker's IndexedDB), storage.managed for the unit's policy (copied into storage.local by
 * the worker, see mirrorPolicy). Every change is a small
 * read-modify-write validated by the schemas; a rejected change leaves storage as it was.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { HolidayCalendar } from '../../rules/periods/calendar';
import { calendarChanges, calendarFileProblems, CalendarFileSchema, type CalendarChange, type CalendarFile } from '../../rules/periods/calendar-file';
import { BUNDLED_CALENDAR, calendarWith } from '../../rules/periods/bundled-calendar';
import { formatPath, validatePack } from '../../rules/pack';
import { z } from '../../rules/zod';
import { settingsItem, type Settings } from '../settings/settings';
import { effectiveConfig, type EffectiveConfig } from './effective';
import { readPolicy, type Lockable, type PolicyReading } from './policy';
import {
  DEFAULT_USER_CONFIG,
  normalizeOrigin,
  PROFILES_FORMAT,
  ProfilesFileSchema,
  UserConfigSchema,
  type RuleOverride,
  type SiteProfileConfig,
  type UserConfig,
} from './schema';

export const configItem = storage.defineItem<UserConfig>('local:config', { fallback: DEFAULT_USER_CONFIG });
/** The user's imported rule pack (validated again on every read), or null for the built-in one. */
export const rulePackItem = storage.defineItem<unknown>('local:rulePack', { fallback: null });
/** Holiday years imported by the user, laid over the bundled data. */
export const calendarsItem = storage.defineItem<CalendarFile[]>('local:calendars', { fallback: [] });

/**
 * The unit's policy as last copied from storage.managed by the worker. Pages and content scripts read
 * this copy: Chromium's first storage.managed read in a session took 3 s here, on every case page.
 */
export const policyMirrorItem = storage.defineItem<Record<string, unknown> | null>('local:policy', { fallback: null });

/** The worker's part: copies storage.managed (nothing where the browser has none for us) when it changed. */
export async function mirrorPolicy(): Promise<void> {
  let managed: Record<string, unknown> = {};
  try {
    managed = (await browser.storage.managed.get(null)) ?? {};
  } catch {
    managed = {}; // Firefox without a policy, or no managed storage at all
  }
  const next = Object.keys(managed).length ? managed : null;
  if (JSON.stringify(next) !== JSON.stringify(await policyMirrorItem.getValue())) await policyMirrorItem.setValue(next);
}

export async function readManaged(): Promise<PolicyReading> {
  return readPolicy(await policyMirrorItem.getValue());
}

export async function loadConfig(): Promise<EffectiveConfig> {
  const local = await browser.storage.local.get(['settings', 'config', 'rulePack', 'policy', 'hubConfig']);
  return effectiveConfig({ settings: local.settings, config: local.config, rulePack: local.rulePack, hubConfig: local.hubConfig }, readPolicy(local.policy ?? undefined));
}

/** The reviewer settings in force (the user's, with the policy's defaults and locks). */
export async function readSettings(): Promise<Settings> {
  return (await loadConfig()).settings;
}

/** The holiday years laid over the bundled data: the hub's, then the user's imported ones. */
async function importedCalendars(config?: EffectiveConfig): Promise<CalendarFile[]> {
  const [own, { hubCalendars }] = await Promise.all([calendarsItem.getValue(), config ?? loadConfig()]);
  const parsed = z.array(CalendarFileSchema).safeParse(own);
  return [...hubCalendars, ...(parsed.success ? parsed.data : [])];
}

export async function loadCalendar(): Promise<HolidayCalendar> {
  return calendarWith(await importedCalendars());
}

/** The calendar in force as files (the bundled data first), for a page that bundles none. */
export async function loadCalendarFiles(config?: EffectiveConfig): Promise<CalendarFile[]> {
  return [BUNDLED_CALENDAR, ...(await importedCalendars(config))];
}

export class LockedError extends Error {
  constructor(what: Lockable) {
    super(`该项由单位策略锁定，不能修改（${what}）/ locked by the unit's policy`);
  }
}

async function assertUnlocked(what: Lockable): Promise<void> {
  if ((await readManaged()).policy.locked.has(what)) throw new LockedError(what);
}

async function updateConfig(change: (c: UserConfig) => UserConfig): Promise<UserConfig> {
  const parsed = UserConfigSchema.safeParse(await configItem.getValue());
  const next = UserConfigSchema.parse(change(parsed.success ? parsed.data : DEFAULT_USER_CONFIG));
  await configItem.setValue(next);
  return next;
}

// ---- the unit's hub ----------------------------------------------------------------------------

/** Sets (or, with no address, clears) the user's hub; gives the origin saved. Policy's hub wins regardless. */
export async function setHub(url: string | null, enrollmentCode: string | null): Promise<string | null> {
  let origin: string | null = null;
  if (url) {
    const r = normalizeOrigin(url);
    if (!r.ok) throw new Error(r.error);
    origin = r.origin;
  }
  await updateConfig((c) => ({ ...c, hub: { url: origin, enrollmentCode: origin ? enrollmentCode : null } }));
  return origin;
}

// ---- sites -------------------------------------------------------------------------------------

export async function addSite(input: string, now = Date.now()): Promise<string> {
  await assertUnlocked('sites');
  const r = normalizeOrigin(input);
  if (!r.ok) throw new Error(r.error);
  await updateConfig((c) => ({
    ...c,
    sites: c.sites.some((s) => s.origin === r.origin) ? c.sites : [...c.sites, { origin: r.origin, addedAt: now }],
    disabledOrigins: c.disabledOrigins.filter((o) => o !== r.origin),
  }));
  return r.origin;
}

export async function removeSite(origin: string): Promise<void> {
  await assertUnlocked('sites');
  await updateConfig((c) => ({ ...c, sites: c.sites.filter((s) => s.origin !== origin), disabledOrigins: c.disabledOrigins.filter((o) => o !== origin) }));
}

/** Switches CaseLint off or on for an origin (the options page's site list and the popup). */
export async function setSiteEnabled(origin: string, enabled: boolean): Promise<void> {
  const policy = (await readManaged()).policy;
  if (policy.locked.has('sites') && policy.origins.includes(origin)) throw new LockedError('sites');
  await updateConfig((c) => ({
    ...c,
    disabledOrigins: enabled ? c.disabledOrigins.filter((o) => o !== origin) : [...new Set([...c.disabledOrigins, origin])],
  }));
}

// ---- settings ----------------------------------------------------------------------------------

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const config = await loadConfig();
  const current = config.settings;
  for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
    if (config.locked.has(key as Lockable) && value !== current[key]) throw new LockedError(key as Lockable);
  }
  await settingsItem.setValue({ ...current, ...patch });
}

// ---- rules -------------------------------------------------------------------------------------

/** Sets (or with null clears) the user's override of one rule; empty overrides are dropped. */
export async function setRuleOverride(ruleId: string, override: RuleOverride | null): Promise<void> {
  await assertUnlocked('rules');
  await updateConfig((c) => {
    const ruleOverrides = { ...c.ruleOverrides };
    const clean = Object.fromEntries(Object.entries(override ?? {}).filter(([, v]) => v !== undefined));
    if (Object.keys(clean).length) ruleOverrides[ruleId] = clean;
    else delete ruleOverrides[ruleId];
    return { ...c, ruleOverrides };
  });
}

/** Stores a validated pack; an invalid one is refused with every error and changes nothing. */
export async function applyPack(input: unknown): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  await assertUnlocked('rulePack');
  const v = validatePack(input);
  if (!v.ok) return v;
  await rulePackItem.setValue(v.pack);
  return { ok: true };
}

export async function restoreBuiltInPack(): Promise<void> {
  await assertUnlocked('rulePack');
  await rulePackItem.setValue(null);
}

// ---- holiday calendar --------------------------------------------------------------------------

/**
 * Checks a calendar file (chinese-days' JSON shape): its shape, real dates inside the years it
 * declares, a plausible number of days off; and what it would change in the calendar in force.
 */
export async function checkCalendar(
  input: unknown,
): Promise<{ ok: true; file: CalendarFile & { years: number[] }; changes: CalendarChange[] } | { ok: false; errors: string[] }> {
  const parsed = CalendarFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  const problems = calendarFileProblems(parsed.data);
  if (problems.length) return { ok: false, errors: problems };
  const file = { ...parsed.data, years: new HolidayCalendar([parsed.data]).coveredYears() };
  return { ok: true, file, changes: calendarChanges(await loadCalendar(), file) };
}

/** Lays a checked calendar file over the stored ones (after the user saw its preview). */
export async function importCalendar(input: unknown): Promise<{ ok: true; years: number[] } | { ok: false; errors: string[] }> {
  await assertUnlocked('calendar');
  const checked = await checkCalendar(input);
  if (!checked.ok) return checked;
  const stored = z.array(CalendarFileSchema).safeParse(await calendarsItem.getValue());
  await calendarsItem.setValue([...(stored.success ? stored.data : []), checked.file]);
  return { ok: true, years: checked.file.years };
}

export async function clearImportedCalendars(): Promise<void> {
  await assertUnlocked('calendar');
  await calendarsItem.setValue([]);
}

// ---- site profiles -----------------------------------------------------------------------------

/** Assigns a canonical field to a control of the pages matching `urlPattern` ("pick a field"). */
export async function assignProfileField(urlPattern: string, field: { key: string; selector: string; row?: number }): Promise<void> {
  await assertUnlocked('profiles');
  await updateConfig((c) => {
    const profiles = c.profiles.map((p) => ({ ...p, fields: [...p.fields] }));
    let profile = profiles.find((p) => p.urlPattern === urlPattern);
    if (!profile) {
      profile = { id: `profile-${profiles.length + 1}-${Date.now().toString(36)}`, urlPattern, fields: [] };
      profiles.push(profile);
    }
    profile.fields = [...profile.fields.filter((f) => f.selector !== field.selector && !(f.key === field.key && f.row === field.row)), field];
    return { ...c, profiles };
  });
}

export async function setProfiles(profiles: SiteProfileConfig[]): Promise<void> {
  await assertUnlocked('profiles');
  await updateConfig((c) => ({ ...c, profiles }));
}

export function exportProfiles(profiles: SiteProfileConfig[]): string {
  return JSON.stringify({ format: PROFILES_FORMAT, profiles }, null, 2);
}

/** Reads a profiles file; the imported profiles replace those with the same URL pattern. */
export async function importProfiles(input: unknown): Promise<{ ok: true; count: number } | { ok: false; errors: string[] }> {
  await assertUnlocked('profiles');
  const parsed = ProfilesFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  await updateConfig((c) => {
    const patterns = new Set(parsed.data.profiles.map((p) => p.urlPattern));
    return { ...c, profiles: [...c.profiles.filter((p) => !patterns.has(p.urlPattern)), ...parsed.data.profiles] };
  });
  return { ok: true, count: parsed.data.profiles.length };
}

/**
 * Intranet sites: CaseLint asks the browser for access to an origin from a click on the options
 * page (optional_host_permissions + permissions.request), then registers its content script there
 * (scripting.registerContentScripts, persisted across sessions). Chrome drops dynamic registrations
 * when the extension updates, so the worker re-syncs idempotently on install, on startup and on any
 * configuration change. The browser APIs are passed in: the logic is tested with fakes.
 */
import { matchPatternOf } from '../config/origins';

export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** The reviewer UI, injected into a frame on its content script's request (components/in-page/reviewer-ui.ts). */
export const REVIEWER_UI_FILE = 'content-scripts/reviewer-ui.js';
const ID_PREFIX = 'caselint-site:';

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(
    scripts: { id: string; matches: string[]; js: string[]; allFrames: boolean; matchOriginAsFallback?: boolean; runAt: 'document_idle'; persistAcrossSessions: boolean }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

export const scriptIdOf = (origin: string) => `${ID_PREFIX}${origin}`;

export interface SyncResult {
  registered: string[];
  unregistered: string[];
  /** Configured origins the browser has not granted (yet): listed on the options page. */
  missingPermission: string[];
  errors: string[];
}

/** The wanted origins the browser has granted, and those it has not (yet). */
export async function siteAccess(permissions: PermissionsApi, wanted: readonly string[]): Promise<{ granted: string[]; missing: string[] }> {
  const granted: string[] = [];
  const missing: string[] = [];
  for (const origin of wanted) {
    if (await permissions.contains({ origins: [matchPatternOf(origin)] })) granted.push(origin);
    else missing.push(origin);
  }
  return { granted, missing };
}

/**
 * Makes the registered content scripts match the wanted origins: registers what is missing (where
 * access is granted), unregisters what is no longer wanted. Safe to call any number of times.
 */
export async function syncSiteScripts(scripting: ScriptingApi, permissions: PermissionsApi, wanted: readonly string[]): Promise<SyncResult> {
  const result: SyncResult = { registered: [], unregistered: [], missingPermission: [], errors: [] };
  const existing = (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  const existingIds = new Set(existing.map((s) => s.id));
  const { granted, missing } = await siteAccess(permissions, wanted);
  result.missingPermission.push(...missing);
  const wantedIds = new Set(granted.map(scriptIdOf));
  const stale = existing.filter((s) => !wantedIds.has(s.id)).map((s) => s.id);
  if (stale.length) {
    await scripting.unregisterContentScripts({ ids: stale });
    result.unregistered.push(...stale.map((id) => id.slice(ID_PREFIX.length)));
  }
  for (const origin of granted) {
    const id = scriptIdOf(origin);
    if (existingIds.has(id)) continue;
    const script = { id, matches: [matchPatternOf(origin)], js: [CONTENT_SCRIPT_FILE], allFrames: true, runAt: 'document_idle' as const, persistAcrossSessions: true };
    try {
      await scripting.registerContentScripts([script]);
      result.registered.push(origin);
    } catch (e) {
      // Just after a browser restart Chromium may not list a persisted script yet still hold its id:
      // replace it, so what runs is what the configuration says.
      if (!/duplicate/i.test((e as Error).message)) {
        result.errors.push(`${origin}: ${(e as Error).message}`);
        continue;
      }
      try {
        await scripting.unregisterContentScripts({ ids: [id] });
        await scripting.registerContentScripts([script]);
        result.registered.push(origin);
      } catch (again) {
        result.errors.push(`${origin}: ${(again as Error).message}`);
      }
    }
  }
  return result;
}

/**
 * From a click on the options page: asks the browser for access to the origin. Must be called
 * directly in the click's handler (the prompt needs a user gesture). True when access is granted.
 */
export async function requestSiteAccess(permissions: PermissionsApi, origin: string): Promise<boolean> {
  // No await before the request: the prompt needs the click's activation.
  return permissions.request({ origins: [matchPatternOf(origin)] });
}

/** Gives back the access to a removed origin (the built-in ones are required, never removed). */
export async function releaseSiteAccess(permissions: PermissionsApi, origin: string): Promise<void> {
  await permissions.remove({ origins: [matchPatternOf(origin)] }).catch(() => false);
}

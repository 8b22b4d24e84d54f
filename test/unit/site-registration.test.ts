/**
 * Intranet sites: the permission request and the content-script registration, against an
 * in-memory model of Chrome's permissions and scripting APIs. The browser's permission prompt
 * cannot be answered by Playwright, so granting and refusing are exercised here; the e2e suite
 * covers the rest in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { effectiveConfig, registeredOrigins } from '../../lib/config/effective';
import { readPolicy } from '../../lib/config/policy';
import {
  CONTENT_SCRIPT_FILE,
  releaseSiteAccess,
  requestSiteAccess,
  scriptIdOf,
  syncSiteScripts,
  type PermissionsApi,
  type RegisteredScript,
  type ScriptingApi,
} from '../../lib/sites/registration';

/** Chrome's behaviour, in small: required origins, a prompt the "user" answers, a script registry. */
class FakeChrome {
  readonly granted = new Set<string>(['http://localhost/*', 'http://127.0.0.1/*']);
  readonly required = new Set(this.granted);
  readonly scripts = new Map<string, RegisteredScript & { js: string[]; persistAcrossSessions: boolean }>();
  prompts: string[] = [];
  constructor(private answer: boolean) {}

  permissions: PermissionsApi = {
    contains: async ({ origins }) => origins.every((o) => this.covers(o)),
    request: async ({ origins }) => {
      if (origins.every((o) => this.covers(o))) return true; // no prompt for what is granted
      this.prompts.push(...origins);
      if (this.answer) origins.forEach((o) => this.granted.add(o));
      return this.answer;
    },
    remove: async ({ origins }) => {
      if (origins.some((o) => this.required.has(o))) throw new Error('You cannot remove required permissions.');
      origins.forEach((o) => this.granted.delete(o));
      return true;
    },
  };

  scripting: ScriptingApi = {
    getRegisteredContentScripts: async () => [...this.scripts.values()].map((s) => ({ id: s.id, matches: s.matches })),
    registerContentScripts: async (list) => {
      for (const s of list) {
        if (this.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        if (!s.matches.every((m) => this.covers(m))) throw new Error('no host permission');
        this.scripts.set(s.id, { id: s.id, matches: s.matches, js: s.js, persistAcrossSessions: s.persistAcrossSessions });
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) if (!this.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    },
  };

  /** An extension update drops dynamic registrations in Chrome. */
  update(): void {
    this.scripts.clear();
  }

  private covers(pattern: string): boolean {
    const host = (p: string) => new URL(p.replace('/*', '/')).hostname;
    return [...this.granted].some((g) => g === pattern || (g.endsWith('/*') && !/:\d+\/\*$/.test(g) && host(g) === host(pattern) && g.split(':')[0] === pattern.split(':')[0]));
  }
}

const site = 'http://10.12.3.4:8080';

describe('asking for an intranet site', () => {
  it('asks the browser once and registers the content script when the user allows it', async () => {
    const chrome = new FakeChrome(true);
    expect(await requestSiteAccess(chrome.permissions, site)).toBe(true);
    expect(chrome.prompts).toEqual(['http://10.12.3.4:8080/*']);
    const r = await syncSiteScripts(chrome.scripting, chrome.permissions, [site]);
    expect(r).toEqual({ registered: [site], unregistered: [], missingPermission: [], errors: [] });
    expect(chrome.scripts.get(scriptIdOf(site))).toEqual({
      id: scriptIdOf(site),
      matches: ['http://10.12.3.4:8080/*'],
      js: [CONTENT_SCRIPT_FILE],
      persistAcrossSessions: true,
    });
  });

  it('registers nothing when the user refuses, and lists the site as lacking access', async () => {
    const chrome = new FakeChrome(false);
    expect(await requestSiteAccess(chrome.permissions, site)).toBe(false);
    const r = await syncSiteScripts(chrome.scripting, chrome.permissions, [site]);
    expect(r).toEqual({ registered: [], unregistered: [], missingPermission: [site], errors: [] });
    expect(chrome.scripts.size).toBe(0);
  });

  it('does not prompt for a port of a built-in origin (already granted)', async () => {
    const chrome = new FakeChrome(false);
    expect(await requestSiteAccess(chrome.permissions, 'http://127.0.0.1:8080')).toBe(true);
    expect(chrome.prompts).toEqual([]);
  });
});

describe('keeping registrations in step with the configuration', () => {
  it('is idempotent, re-registers after an update and unregisters removed or disabled sites', async () => {
    const chrome = new FakeChrome(true);
    await requestSiteAccess(chrome.permissions, site);
    await requestSiteAccess(chrome.permissions, 'http://10.12.3.5');
    await syncSiteScripts(chrome.scripting, chrome.permissions, [site, 'http://10.12.3.5']);
    expect(await syncSiteScripts(chrome.scripting, chrome.permissions, [site, 'http://10.12.3.5'])).toEqual({ registered: [], unregistered: [], missingPermission: [], errors: [] });

    chrome.update();
    expect((await syncSiteScripts(chrome.scripting, chrome.permissions, [site, 'http://10.12.3.5'])).registered).toEqual([site, 'http://10.12.3.5']);

    // The user switches one site off: its script goes; removing it gives the access back.
    expect(await syncSiteScripts(chrome.scripting, chrome.permissions, [site])).toMatchObject({ registered: [], unregistered: ['http://10.12.3.5'] });
    await releaseSiteAccess(chrome.permissions, 'http://10.12.3.5');
    expect(await chrome.permissions.contains({ origins: ['http://10.12.3.5/*'] })).toBe(false);
    await releaseSiteAccess(chrome.permissions, 'http://127.0.0.1'); // required: refused quietly
    expect(await chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] })).toBe(true);
    expect([...chrome.scripts.keys()]).toEqual([scriptIdOf(site)]);
  });

  it('registers the policy’s origins once the browser grants them, and leaves other extensions’ ids alone', async () => {
    const chrome = new FakeChrome(true);
    chrome.scripts.set('someone-else', { id: 'someone-else', matches: ['http://127.0.0.1/*'], js: ['x.js'], persistAcrossSessions: false });
    const config = effectiveConfig({ settings: null, config: null, rulePack: null }, readPolicy({ origins: [site] }));
    const first = await syncSiteScripts(chrome.scripting, chrome.permissions, registeredOrigins(config));
    expect(first.missingPermission).toEqual([site]);
    await requestSiteAccess(chrome.permissions, site); // the user clicks 授权 on the options page
    expect((await syncSiteScripts(chrome.scripting, chrome.permissions, registeredOrigins(config))).registered).toEqual([site]);
    expect(chrome.scripts.has('someone-else')).toBe(true);
  });
});

/**
 * The background on the cores units run, with the extension APIs each lacks (lib/compat/targets.ts):
 * - current Chromium: content scripts registered, the side panel, storage.session;
 * - Chromium 114–115: a side panel API without sidePanel.open (116);
 * - Chromium 88 (MV3's first core): no registerContentScripts (96), no side panel (114), no
 *   storage.session (102);
 * - Chrome on Chromium 80 (the MV2 build): no scripting at all, tabs.executeScript instead, and
 *   commands that name no tab (86).
 * The worker runs over WXT's in-memory browser with those APIs taken away; each test asserts what
 * the user gets there: CaseLint on the configured site, the audit panel from the shortcut, the
 * page's findings in the log.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Input } from '../../lib/messaging/protocol';
import { envelope } from '../../lib/messaging/request';
import { CONTENT_SCRIPT_FILE } from '../../lib/sites/registration';

type Core = 'current' | 'chromium114-mv3' | 'chromium88-mv3' | 'chromium80-mv2';
const SITE = 'http://10.12.3.4:8080';

function event<A extends unknown[]>() {
  const listeners: ((...a: A) => unknown)[] = [];
  return {
    addListener: (l: (...a: A) => unknown) => void listeners.push(l),
    removeListener: (l: (...a: A) => unknown) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: (...a: A) => unknown) => listeners.includes(l),
    trigger: (...a: A) => Promise.all(listeners.map((l) => l(...a))),
  };
}

// What the test replaces or takes away in the shared fake browser, put back after each test.
const b = fakeBrowser as unknown as Record<string, any>;
const NAMESPACES = ['scripting', 'sidePanel', 'permissions', 'alarms', 'notifications', 'commands'] as const;
const saved = {
  namespaces: Object.fromEntries(NAMESPACES.map((k) => [k, b[k]])),
  session: b.storage.session,
  tabsExecute: b.tabs.executeScript,
  tabsSend: b.tabs.sendMessage,
  tabsQuery: b.tabs.query,
};
/** Sets an API, or takes it away (an absent key, as on an old core: `undefined` is not absent). */
function setApi(owner: Record<string, any>, key: string, value: unknown): void {
  if (value === undefined) delete owner[key];
  else owner[key] = value;
}
afterEach(() => {
  for (const k of NAMESPACES) setApi(b, k, saved.namespaces[k]);
  setApi(b.storage, 'session', saved.session);
  setApi(b.tabs, 'executeScript', saved.tabsExecute);
  setApi(b.tabs, 'sendMessage', saved.tabsSend);
  setApi(b.tabs, 'query', saved.tabsQuery);
});

async function startBackground(core: Core) {
  fakeBrowser.reset();
  const calls = { executeScript: [] as unknown[], registered: [] as string[], toTab: [] as [number, unknown][], sidePanel: [] as number[] };
  const granted = new Set(['http://localhost/*', 'http://127.0.0.1/*', `${SITE}/*`]);
  b.permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    request: async () => true,
    remove: async () => true,
    onAdded: event(),
    onRemoved: event(),
  };
  b.alarms = { create: async () => {}, clear: async () => true, onAlarm: event() };
  b.notifications = { create: async () => '', onClicked: event() };
  b.commands = { onCommand: event<[string, { id?: number } | undefined]>() };
  b.tabs.sendMessage = async (tabId: number, message: unknown) => void calls.toTab.push([tabId, message]);
  setApi(b, 'scripting', undefined);
  setApi(b, 'sidePanel', undefined);
  setApi(b.tabs, 'executeScript', undefined);
  if (core === 'current' || core === 'chromium114-mv3') {
    const scripts: { id: string }[] = [];
    b.scripting = {
      getRegisteredContentScripts: async () => scripts,
      registerContentScripts: async (list: { id: string; matches: string[] }[]) => {
        scripts.push(...list);
        calls.registered.push(...list.flatMap((s) => s.matches));
      },
      unregisterContentScripts: async () => {},
      executeScript: async (o: unknown) => void calls.executeScript.push(o),
    };
    b.sidePanel = core === 'current' ? { open: async ({ tabId }: { tabId: number }) => void calls.sidePanel.push(tabId) } : { setOptions: async () => {} };
  } else {
    setApi(b.storage, 'session', undefined);
    if (core === 'chromium88-mv3') b.scripting = { executeScript: async (o: unknown) => void calls.executeScript.push(o) };
    else b.tabs.executeScript = async (tabId: number, o: unknown) => void calls.executeScript.push([tabId, o]);
  }
  await fakeBrowser.storage.local.set({ config: { sites: [{ origin: SITE, addedAt: 1 }], disabledOrigins: [], ruleOverrides: {}, profiles: [] } });
  vi.resetModules();
  const background = (await import('../../entrypoints/background')).default;
  background.main!();
  return calls;
}

const loaded = (tabId: number, url: string) => (fakeBrowser.tabs.onUpdated as unknown as ReturnType<typeof event>).trigger(tabId, { status: 'complete' }, { id: tabId, url });

const summary: Input<'cs-bg:page-result'> = {
  visit: 'v1',
  url: `${SITE}/case/XS2024-0302/detention`,
  title: '刑事拘留',
  caseNumber: 'XS2024-0302',
  caseKind: '刑事',
  unit: '滨江分局城西派出所',
  officers: ['刘洋', '陈晨'],
  findings: [
    {
      ruleId: 'detention-family-notice-24h',
      fieldKey: 'detention.familyNotifiedAt',
      severity: 'error',
      kind: 'violation',
      message: '通知家属时间晚于拘留时间26小时15分',
      basis: '《中华人民共和国刑事诉讼法》第八十五条第二款',
      category: 'detention',
      title: '拘留后二十四小时内通知家属',
    },
  ],
  passed: [],
  notApplicable: [],
  warnings: [],
  at: Date.UTC(2026, 10, 1),
};

describe.each(['current', 'chromium114-mv3', 'chromium88-mv3', 'chromium80-mv2'] as const)('the background on %s', (core) => {
  it('CaseLint reaches the configured intranet site', async () => {
    const calls = await startBackground(core);
    if (core === 'current' || core === 'chromium114-mv3') {
      await vi.waitFor(() => expect(calls.registered).toContain(`${SITE}/*`));
      await loaded(7, `${SITE}/case/XS2024-0302/detention`);
      expect(calls.executeScript).toEqual([]); // registered scripts run by themselves
      return;
    }
    await loaded(7, `${SITE}/case/XS2024-0302/detention`);
    await vi.waitFor(() => expect(calls.executeScript).toHaveLength(1));
    expect(calls.executeScript[0]).toEqual(
      core === 'chromium88-mv3'
        ? { target: { tabId: 7, allFrames: true }, files: [CONTENT_SCRIPT_FILE] }
        : [7, { file: `/${CONTENT_SCRIPT_FILE}`, allFrames: true, runAt: 'document_idle' }],
    );
    // Another origin, and a load not yet finished, get nothing.
    await loaded(8, 'http://10.99.0.1/case/1');
    await (fakeBrowser.tabs.onUpdated as unknown as ReturnType<typeof event>).trigger(9, { status: 'loading' }, { id: 9, url: `${SITE}/x` });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.executeScript).toHaveLength(1);
  });

  it('the options page hears which sites are reached, with no error', async () => {
    await startBackground(core);
    const [answer] = await (fakeBrowser.runtime.onMessage as unknown as ReturnType<typeof event>).trigger(envelope('ui-bg:sync-sites', {}), {
      id: fakeBrowser.runtime.id,
      url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`,
    });
    expect(answer).toMatchObject({ ok: true, missingPermission: [], errors: [] });
  });

  it('the reviewer’s shortcut opens the audit panel: the side panel where there is one, else the in-page panel', async () => {
    const calls = await startBackground(core);
    const tab = { id: 41 };
    // The active tab of the current window, as Chrome answers it.
    b.tabs.query = async (q: { active?: boolean; currentWindow?: boolean }) => (q.active && q.currentWindow ? [tab] : []);
    // Before Chromium 86 a command names no tab.
    await (b.commands.onCommand as ReturnType<typeof event>).trigger('toggle-audit-panel', core === 'chromium80-mv2' ? undefined : { id: tab.id });
    if (core === 'current') await vi.waitFor(() => expect(calls.sidePanel).toEqual([tab.id]));
    else await vi.waitFor(() => expect(calls.toTab).toEqual([[tab.id, { type: 'bg-cs:toggle-panel' }]]));
  });

  it('a page’s findings reach the log', async () => {
    await startBackground(core);
    const [answer] = await (fakeBrowser.runtime.onMessage as unknown as ReturnType<typeof event>).trigger(envelope('cs-bg:page-result', summary), {
      id: fakeBrowser.runtime.id,
      tab: { id: 3, index: 0 },
      frameId: 0,
      url: summary.url,
    });
    // No page of this type was read before: no usual field count yet (#18.5).
    expect(answer).toEqual({ ok: true, dismissedRules: [], typicalFields: null });
    const { CaseLintDb } = await import('../../lib/db/database');
    const rows = await new CaseLintDb().findings.toArray();
    expect(rows.map((r) => `${r.caseNumber} ${r.ruleId}`)).toContain('XS2024-0302 detention-family-notice-24h');
  });
});

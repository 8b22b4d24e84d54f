/**
 * The service worker: the only writer of the findings log. Listeners are registered
 * synchronously at top level (MV3 stops idle workers; a message wakes it); state lives in
 * IndexedDB and storage.session, never in globals that a stop would lose.
 */
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CaseLintDb } from '../lib/db/database';
import { applyRetention, findingOnPage, recordPage, review, type Review } from '../lib/db/repository';
import { abortImport, beginImport, commitImport, importLog, stageRows } from '../lib/db/log-import';
import { acceptRowCount, backupDue, logHealth, noteRowsAdded, noteRowsDeleted, readBackup, writeBackup, type StorageArea } from '../lib/db/auto-backup';
import { availableBytes, importNeeds, shortOfSpace } from '../lib/db/storage-space';
import { BgToCs, Envelope, pageKey, PageSummarySchema, protocol, type Input, type MessageType, type Output } from '../lib/messaging/protocol';
import { randomUuid } from '../lib/compat/uuid';
import { typicalFields, withRead, type FieldCounts } from '../lib/db/field-counts';
import { documentOf } from '../lib/db/documents';
import { lastErrorItem } from '../lib/settings/settings';
import { assignProfileField, loadCalendarFiles, loadConfig, mirrorPolicy, readSettings } from '../lib/config/store';
import { watchConfig } from '../lib/config/watch';
import { pageConfigs } from '../lib/config/page-config';
import { registeredOrigins } from '../lib/config/effective';
import { injectOnLoad, type InjectApi } from '../lib/sites/injection';
import { REVIEWER_UI_FILE, siteAccess, syncSiteScripts, type PermissionsApi, type ScriptingApi, type SyncResult } from '../lib/sites/registration';
import { nextReminderAt, REMINDER_ALARM, reminderFor } from '../lib/reminders/reminders';
import { trFor, type Tr } from '../lib/i18n/tr';
import { noteLogChanged } from '../lib/db/log-changes';
import { hubStateItem, startHubSync, syncNow, syncSoon } from '../lib/hub/worker';

const SITES_ALARM = 'caselint-sites';
/** Hourly: makes the day's automatic backup of the log when it is due (lib/db/auto-backup.ts). */
const BACKUP_ALARM = 'caselint-backup';
const local = () => browser.storage.local as unknown as StorageArea;

type SidePanelApi = { open(options: { tabId: number }): Promise<void> };
type Sender = Browser.runtime.MessageSender;

let db: CaseLintDb | undefined;
function database(): CaseLintDb {
  if (!db) {
    db = new CaseLintDb();
    db.on('versionchange', () => {
      db?.close();
      db = undefined;
    });
  }
  return db;
}

/** Storage failures are shown to the user (log page, popup, the page that reported), never swallowed. */
/** The user's language for what the background says (errors, notifications). */
const userTr = async (): Promise<Tr> => trFor((await readSettings().catch(() => null))?.locale ?? 'zh-CN');

async function failure(e: unknown): Promise<{ ok: false; error: string }> {
  const err = e as { name?: string; message?: string; inner?: { name?: string } };
  const quota = err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
  const tr = await userTr();
  const message = quota
    ? tr(`存储空间不足，问题记录未能保存：${err.message ?? ''}`, `Not enough storage; the findings were not saved: ${err.message ?? ''}`)
    : tr(`问题记录写入失败：${err?.message ?? String(e)}`, `The findings could not be written: ${err?.message ?? String(e)}`);
  await lastErrorItem.setValue({ message, at: Date.now() }).catch(() => {});
  if (err?.name === 'DatabaseClosedError') db = undefined;
  return { ok: false, error: message };
}

const newId = () => randomUuid();

/** Keeps how many fields this page's type was read with; gives how many it usually has (before this visit). */
async function noteFieldsRead(summary: { url: string; caseNumber: string | null; visit: string; fieldsRead?: number }): Promise<number | null> {
  const stored = ((await local().get('fieldCounts')).fieldCounts ?? {}) as FieldCounts;
  const document = documentOf(summary.url, summary.caseNumber);
  const entry = stored[document];
  const typical = typicalFields(entry?.lastVisit === summary.visit ? entry.counts.slice(0, -1) : entry?.counts);
  await local().set({ fieldCounts: withRead(stored, document, summary.visit, summary.fieldsRead ?? 0, Date.now()) });
  return typical;
}
/**
 * Our content script, in any frame of a tab: a frame of another origin (a frameset whose forms are
 * served from another port) is a case page of its own — it asks for its configuration and reports
 * its findings like a top page.
 */
const isOwnContentScript = (s: Sender) => s.id === browser.runtime.id && !!s.tab?.id && !s.url?.startsWith('chrome-extension://');
const isExtensionPage = (s: Sender) => s.id === browser.runtime.id && !!s.url?.startsWith(browser.runtime.getURL('/'));

const handlers: { [T in MessageType]: (input: Input<T>, sender: Sender) => Promise<Output<T>> } = {
  async 'cs-bg:page-result'(summary, sender) {
    const session = laterApis.sessionStorage();
    // The side panel shows the tab's top page (a frame's report is logged, not shown there).
    const show = (dismissed: string[], typicalFields: number | null = null) =>
      sender.tab?.id === undefined || sender.frameId !== 0 || !session
        ? undefined
        : session.set({ [pageKey(sender.tab.id)]: { ...summary, findings: summary.findings.filter((f) => !dismissed.includes(f.ruleId)), dismissed: [...new Set(summary.findings.filter((f) => dismissed.includes(f.ruleId)).map((f) => f.ruleId))], typicalFields } });
    try {
      const { dismissedRules, added } = await recordPage(database(), summary, Date.now(), newId);
      if (added) await noteRowsAdded(database(), local(), added, Date.now());
      const typicalFields = summary.fieldsRead === undefined ? null : await noteFieldsRead(summary);
      await show(dismissedRules, typicalFields);
      syncSoon(database);
      return { ok: true, dismissedRules, typicalFields };
    } catch (e) {
      await show([]); // the side panel follows the tab even if the log cannot be written
      return failure(e);
    }
  },
  async 'ui-bg:review'(input) {
    try {
      const settings = await readSettings();
      const updated = await review(database(), input, { name: settings.reviewerName, unit: settings.reviewerUnit }, Date.now());
      syncSoon(database);
      return { ok: true, updated };
    } catch (e) {
      return failure(e);
    }
  },
  async 'ui-bg:import-begin'(input) {
    try {
      const tr = await userTr();
      const short = shortOfSpace('导入此文件', importNeeds(input.bytes), await availableBytes(), tr, 'importing this file');
      if (short) return { ok: false, error: `${short}${tr('未导入任何数据。', ' Nothing was imported.')}` };
      return { ok: true, stagingId: await beginImport(database(), input.header, Date.now(), newId) };
    } catch (e) {
      return failure(e);
    }
  },
  async 'ui-bg:import-chunk'(input) {
    try {
      return await stageRows(database(), input.stagingId, input.part, input.offset, input.rows, Date.now());
    } catch (e) {
      await abortImport(database(), input.stagingId).catch(() => {});
      return failure(e);
    }
  },
  async 'ui-bg:import-commit'(input) {
    try {
      const r = await commitImport(database(), input.stagingId, newId);
      if (r.ok) await noteRowsAdded(database(), local(), r.added, Date.now());
      return r;
    } catch (e) {
      await abortImport(database(), input.stagingId).catch(() => {});
      return failure(e);
    }
  },
  async 'ui-bg:import-abort'(input) {
    await abortImport(database(), input.stagingId).catch(() => {});
    return { ok: true };
  },
  async 'ui-bg:hub-sync'(input) {
    try {
      if (input.reenroll) await hubStateItem.setValue(null);
      await syncNow(database);
      return { ok: true, state: await hubStateItem.getValue() };
    } catch (e) {
      return { ok: false, error: `${(await userTr())('同步失败：', 'Sync failed: ')}${(e as Error)?.message ?? String(e)}` };
    }
  },
  async 'ui-bg:log-health'() {
    try {
      return await logHealth(database(), local());
    } catch (e) {
      return { ok: false, error: `${(await userTr())('无法检查问题台账：', 'Cannot check the findings log: ')}${(e as Error)?.message ?? String(e)}` };
    }
  },
  async 'ui-bg:restore-backup'(input) {
    try {
      const r = await importLog(database(), await readBackup(local(), input.id), newId);
      if (r.ok) await noteRowsAdded(database(), local(), r.added, Date.now());
      return r;
    } catch (e) {
      return failure(e);
    }
  },
  async 'ui-bg:accept-log-count'() {
    try {
      await acceptRowCount(database(), local(), Date.now());
      return { ok: true };
    } catch (e) {
      return failure(e);
    }
  },
  async 'ui-bg:review-finding'({ tabId, ...input }) {
    const r = await handlers['cs-bg:review-finding'](input, {} as Sender);
    if (r.ok && input.action === 'dismiss') {
      const message: BgToCs = { type: 'bg-cs:dismissed', ruleIds: [input.ruleId] };
      await browser.tabs.sendMessage(tabId, message).catch(() => {});
      // The side panel shows the tab's summary: the dismissed rule leaves its list and is counted.
      const session = laterApis.sessionStorage();
      const stored = PageSummarySchema.safeParse((await session?.get(pageKey(tabId)))?.[pageKey(tabId)]);
      if (session && stored.success) {
        const s = stored.data;
        await session.set({ [pageKey(tabId)]: { ...s, findings: s.findings.filter((f) => f.ruleId !== input.ruleId), dismissed: [...new Set([...(s.dismissed ?? []), input.ruleId])] } });
      }
    }
    return r;
  },
  async 'cs-bg:review-finding'(input) {
    try {
      const settings = await readSettings();
      const tr = trFor(settings.locale);
      if (settings.role !== 'reviewer') return { ok: false, error: tr('只有法制审核员可以确认或排除问题（设置 → 角色）', 'Only legal reviewers confirm or dismiss findings (Settings → Role)') };
      const row = await findingOnPage(database(), input.url, input.caseNumber, input.ruleId, input.fieldKey, input.row);
      if (!row) return { ok: false, error: tr('问题台账中尚无此问题（页面结果尚未记录），请稍后再试', 'This finding is not in the log yet (the page is still being recorded); try again in a moment') };
      const reviewer = { name: settings.reviewerName, unit: settings.reviewerUnit };
      const r: Review | undefined =
        input.action === 'confirm'
          ? { action: 'confirm', ids: [row.id], subjectiveLevel: null, note: null }
          : input.reason
            ? { action: 'dismiss', ids: [row.id], reason: input.reason, note: null }
            : undefined;
      if (!r) return { ok: false, error: tr('请先选择排除原因', 'Choose the dismissal reason first') };
      const updated = await review(database(), r, reviewer, Date.now());
      syncSoon(database);
      return { ok: true, updated };
    } catch (e) {
      return failure(e);
    }
  },
  async 'cs-bg:fields-read'(input) {
    try {
      return { ok: true, typicalFields: await noteFieldsRead(input) };
    } catch (e) {
      return failure(e);
    }
  },
  async 'cs-bg:page-config'(input) {
    try {
      return { ok: true, config: (await pageConfigInForce())(input.origin) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  },
  async 'cs-bg:load-reviewer-ui'(_input, sender) {
    try {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      await injectIntoFrame(tabId, sender.frameId ?? 0, REVIEWER_UI_FILE);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  },
  async 'cs-bg:assign-field'(input) {
    try {
      await assignProfileField(input.urlPattern, input.field);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  },
  async 'cs-bg:open-rule'(input, sender) {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/rule.html')}#${encodeURIComponent(input.ruleId)}`, index: (sender.tab?.index ?? -1) + 1 });
    return { ok: true };
  },
  async 'ui-bg:sync-sites'() {
    try {
      return { ok: true, ...(await syncSites()) };
    } catch (e) {
      return { ok: false, error: `${(await userTr())('站点注册失败：', 'Sites could not be registered: ')}${(e as Error).message}` };
    }
  },
  async 'ui-bg:retention'(input) {
    try {
      const deleted = await applyRetention(database(), input.days, Date.now());
      if (deleted) await noteRowsDeleted(database(), local(), deleted, Date.now());
      return { ok: true, deleted };
    } catch (e) {
      return failure(e);
    }
  },
};

/** Requests that may write the log: the log's pages are told when they are done (lib/db/log-changes.ts). */
const WRITES_LOG: ReadonlySet<MessageType> = new Set<MessageType>([
  'cs-bg:page-result',
  'ui-bg:review',
  'ui-bg:import-commit',
  'ui-bg:restore-backup',
  'ui-bg:accept-log-count',
  'ui-bg:review-finding',
  'cs-bg:review-finding',
  'ui-bg:retention',
]);

/**
 * What a case page of any origin runs with, made once per configuration (every frame of every case
 * page asks for it as it loads); a change of the configuration forgets it.
 */
let inForce: Promise<ReturnType<typeof pageConfigs>> | undefined;
function pageConfigInForce() {
  inForce ??= loadConfig().then(async (config) => pageConfigs(config, await loadCalendarFiles(config)));
  inForce.catch(() => (inForce = undefined));
  return inForce;
}

function dispatch<T extends MessageType>(type: T, rawInput: unknown, sender: Sender): Promise<Output<T>> | undefined {
  const input = protocol[type].input.safeParse(rawInput);
  if (!input.success) return undefined;
  // The answer is checked against the protocol too: senders take it as typed, without a schema.
  const answer = handlers[type](input.data as Input<T>, sender).then((a) => protocol[type].output.parse(a) as Output<T>);
  return WRITES_LOG.has(type) ? answer.finally(noteLogChanged) : answer;
}

/**
 * Registers the content script on the configured intranet origins (idempotent; see lib/sites).
 * One sync at a time: startup, install, a config change and the options page can all ask at once,
 * and concurrent register/unregister calls see each other's half-done work.
 */
let syncing: Promise<unknown> = Promise.resolve();
export function syncSites(): Promise<SyncResult> {
  const run = syncing.then(syncSitesNow, syncSitesNow);
  syncing = run.catch(() => undefined);
  return run;
}

/**
 * The extension APIs that came later than the oldest core CaseLint runs in (lib/compat/targets.ts),
 * each looked up where it is used: absent, the fallback named beside it serves.
 */
const laterApis = {
  /** Chromium 96 (registerContentScripts): else sites are injected on load (`injection`). */
  scripting: () => {
    const s = (browser as unknown as { scripting?: Partial<ScriptingApi> & { executeScript?: unknown } }).scripting;
    return s?.registerContentScripts ? (s as ScriptingApi) : undefined;
  },
  /** Chromium 116 (sidePanel.open; the panel itself came with 114): else the in-page panel. */
  sidePanel: () => {
    const s = (browser as unknown as { sidePanel?: Partial<SidePanelApi> }).sidePanel;
    return typeof s?.open === 'function' ? (s as SidePanelApi) : undefined;
  },
  /** Chromium 102: else no per-tab page state (it only feeds the side panel, which is newer still). */
  sessionStorage: () => (browser.storage as unknown as { session?: Browser.storage.StorageArea }).session,
};

/** How to inject the content script where it cannot be registered: MV3's scripting, else MV2's tabs. */
function injectionApi(): InjectApi | undefined {
  if (laterApis.scripting()) return undefined;
  const scripting = (browser as unknown as { scripting?: { executeScript?: (o: unknown) => Promise<unknown> } }).scripting;
  if (scripting?.executeScript) return { kind: 'scripting', executeScript: (o) => scripting.executeScript!(o) };
  const tabs = browser.tabs as unknown as { executeScript?: (tabId: number, o: unknown) => Promise<unknown> };
  if (tabs.executeScript) return { kind: 'tabs', executeScript: (tabId, o) => tabs.executeScript!(tabId, o) };
  return undefined;
}

/** Runs an extension script in one frame of a tab: MV3's scripting (Chromium 88+, Firefox 102+), else MV2's tabs.executeScript. */
async function injectIntoFrame(tabId: number, frameId: number, file: string): Promise<void> {
  const scripting = (browser as unknown as { scripting?: { executeScript?: (o: unknown) => Promise<unknown> } }).scripting;
  if (scripting?.executeScript) await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  else await (browser.tabs as unknown as { executeScript: (tabId: number, o: unknown) => Promise<unknown> }).executeScript(tabId, { file: `/${file}`, frameId });
}

async function syncSitesNow(): Promise<SyncResult> {
  const scripting = laterApis.scripting();
  const permissions = browser.permissions as unknown as PermissionsApi | undefined;
  const wanted = registeredOrigins(await loadConfig());
  if (permissions && !scripting && injectionApi()) {
    // Injected on each load of a granted site (see main): nothing to register.
    const { missing } = await siteAccess(permissions, wanted);
    return { registered: [], unregistered: [], missingPermission: missing, errors: [] };
  }
  if (!scripting || !permissions) return { registered: [], unregistered: [], missingPermission: [], errors: ['此浏览器不支持动态注册内容脚本'] };
  return syncSiteScripts(scripting, permissions, wanted);
}

/**
 * Makes the day's automatic backup when it is due — never of a log that lost rows (it would push
 * out a good backup), never onto a disk without room for it. A failure is shown, not swallowed.
 */
export async function backupIfDue(now = Date.now()): Promise<void> {
  try {
    const area = local();
    if (!(await backupDue(area, now))) return;
    const health = await logHealth(database(), area);
    if (!health.ok || health.rows === 0) return;
    // ≈ 1.5 KB a row in JSON, a fifth of it compressed and in base64: room for that, or no backup.
    const short = shortOfSpace('自动备份', health.rows * 300, await availableBytes());
    if (short) throw new Error(short);
    await writeBackup(database(), area, now);
  } catch (e) {
    await lastErrorItem.setValue({ message: `自动备份失败：${(e as Error)?.message ?? String(e)}`, at: Date.now() }).catch(() => {});
  }
}

/** Schedules (or removes) the morning reminder according to the settings. */
export async function scheduleReminders(now = Date.now()): Promise<void> {
  const settings = await readSettings();
  await browser.alarms.clear(REMINDER_ALARM);
  if (settings.reminders) await browser.alarms.create(REMINDER_ALARM, { when: nextReminderAt(now), periodInMinutes: 24 * 60 });
}

export default defineBackground({
  type: 'module',
  main() {
    // One non-async dispatcher: it answers only the messages it handles (and from whom it accepts them).
    browser.runtime.onMessage.addListener((message, sender) => {
      const env = Envelope.safeParse(message);
      if (!env.success) return undefined;
      const { type, input } = env.data;
      const allowed = type.startsWith('cs-bg:') ? isOwnContentScript(sender) : isExtensionPage(sender);
      if (!allowed) return undefined;
      return dispatch(type, input, sender);
    });

    browser.tabs.onRemoved.addListener((tabId) => {
      void laterApis.sessionStorage()?.remove(pageKey(tabId));
    });

    // Cores that cannot register content scripts: inject into each finished load of a granted site.
    const inject = injectionApi();
    const permissions = browser.permissions as unknown as PermissionsApi | undefined;
    if (inject && permissions) {
      const onLoad = injectOnLoad(inject, permissions, async () => registeredOrigins(await loadConfig()), (message) => {
        void lastErrorItem.setValue({ message: `内容脚本注入失败：${message}`, at: Date.now() }).catch(() => {});
      });
      browser.tabs.onUpdated.addListener((tabId, change, tab) => void onLoad(tabId, change, tab));
    }

    // Chrome drops dynamic content scripts on update: re-register on install, update and startup.
    const resync = () => void syncSites().catch(() => {});
    browser.runtime.onStartup.addListener(() => {
      void readSettings()
        .then((s) => applyRetention(database(), s.retentionDays, Date.now()))
        .then((deleted) => (deleted ? noteRowsDeleted(database(), local(), deleted, Date.now()) : undefined))
        .catch(() => {});
      void scheduleReminders();
      resync();
    });
    browser.runtime.onInstalled.addListener(() => {
      void scheduleReminders();
      resync();
    });
    let debounce: ReturnType<typeof setTimeout> | undefined;
    watchConfig(() => {
      inForce = undefined;
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        void scheduleReminders();
        resync();
      }, 100);
    });
    browser.permissions?.onAdded?.addListener(resync);
    browser.permissions?.onRemoved?.addListener(resync);
    // The unit's policy: copied for pages and content scripts, now and whenever IT changes it.
    void mirrorPolicy().catch(() => {});
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') void mirrorPolicy().catch(() => {});
    });
    // And whenever the worker starts (Chromium dropped persisted registrations of a relaunched
    // unpacked extension without telling it), and every half hour: cheap and idempotent.
    resync();
    void browser.alarms?.create(SITES_ALARM, { periodInMinutes: 30 });
    void browser.alarms?.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
    // The unit's hub, only where one is configured (no request at all otherwise).
    startHubSync(database);
    browser.alarms?.onAlarm.addListener((alarm) => {
      if (alarm.name === SITES_ALARM) return resync();
      if (alarm.name === BACKUP_ALARM) return void backupIfDue();
      if (alarm.name !== REMINDER_ALARM) return;
      void userTr().then((tr) => {
        const r = reminderFor(Date.now(), tr);
        return browser.notifications?.create(REMINDER_ALARM, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: r.title, message: r.message });
      });
    });
    browser.notifications?.onClicked.addListener((id) => {
      if (id === REMINDER_ALARM) void browser.tabs.create({ url: browser.runtime.getURL('/report.html#daily') });
    });

    // The reviewer's shortcut (Alt+Shift+A by default): the side panel in Chrome, else the in-page panel.
    browser.commands?.onCommand.addListener(async (command, commandTab) => {
      if (command !== 'toggle-audit-panel') return;
      // The command names its tab from Chromium 86; before, the active tab is the one.
      const tab = commandTab ?? (await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []))[0];
      if (tab?.id === undefined) return;
      const sidePanel = laterApis.sidePanel();
      const toggleInPage = () => {
        const message: BgToCs = { type: 'bg-cs:toggle-panel' };
        browser.tabs.sendMessage(tab.id!, message).catch(() => {
          /* no CaseLint on this page */
        });
      };
      if (sidePanel) sidePanel.open({ tabId: tab.id }).catch(toggleInPage);
      else toggleInPage();
    });
  },
});

/**
 * The worker's part of the hub: a sync every minute (an alarm) and a few seconds after the log
 * changes, only while a hub is configured; the user's own open findings as the toolbar badge.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CaseLintDb } from '../db/database';
import { loadConfig } from '../config/store';
import { syncWithHub, type HubServedConfig, type HubSyncState } from './sync';

export const HUB_ALARM = 'caselint-hub-sync';
/** Where the sync keeps its token, cursors and the pulled findings (the popup and options page read it). */
export const hubStateItem = storage.defineItem<HubSyncState | null>('local:hubSync', { fallback: null });
/** What the hub serves (rule overrides, pack, holidays), laid under the unit's policy (lib/config/effective.ts). */
export const hubServedItem = storage.defineItem<HubServedConfig | null>('local:hubConfig', { fallback: null });

let running: Promise<void> | null = null;
let soon: ReturnType<typeof setTimeout> | undefined;

async function badge(count: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  await action?.setBadgeText({ text: count ? String(Math.min(count, 999)) : '' }).catch(() => {});
  await action?.setBadgeBackgroundColor?.({ color: '#b91c1c' }).catch(() => {});
}

/** One sync round, never two at once; nothing when no hub is configured. */
export function syncNow(database: () => CaseLintDb): Promise<void> {
  running ??= (async () => {
    try {
      const config = await loadConfig();
      if (!config.hub) return;
      const { reviewerName, reviewerUnit } = config.settings;
      const state = await syncWithHub({
        db: database(),
        hub: config.hub,
        user: { name: reviewerName },
        deviceName: `${[reviewerUnit, reviewerName].filter(Boolean).join(' ') || '未命名'}的浏览器`,
        load: () => hubStateItem.getValue(),
        save: (s) => hubStateItem.setValue(s),
        saveServed: async (c) => {
          if (JSON.stringify(c) !== JSON.stringify(await hubServedItem.getValue())) await hubServedItem.setValue(c);
        },
        fetch: (input, init) => fetch(input, init),
        now: Date.now,
      });
      await badge(state.mine.findings.length);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** After the log changed: a sync in a few seconds (page reports while typing come as one). */
export function syncSoon(database: () => CaseLintDb): void {
  clearTimeout(soon);
  soon = setTimeout(() => void syncNow(database).catch(() => {}), 3000);
}

export function startHubSync(database: () => CaseLintDb): void {
  void browser.alarms?.create(HUB_ALARM, { delayInMinutes: 0.1, periodInMinutes: 1 });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === HUB_ALARM) void syncNow(database).catch(() => {});
  });
}

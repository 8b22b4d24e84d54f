/**
 * Following the configuration: a callback on any change of the stored keys it is made of (the
 * user's or the policy's). Storage events only, no schema: the content script uses it too.
 */
import { browser } from 'wxt/browser';

const CONFIG_KEYS = new Set(['settings', 'config', 'rulePack', 'calendars', 'policy', 'hubConfig']);

/** Called back on any change of the configuration (user or policy). */
export function watchConfig(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((k) => CONFIG_KEYS.has(k))) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

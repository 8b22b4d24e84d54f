/**
 * "The log changed": the background (the log's only writer) says so after every write, and the
 * pages that show the log re-read it then instead of polling. A counter in storage.session (the
 * extension's pages see it, web pages and content scripts do not); where a browser has no
 * storage.session (Chrome < 102), the pages fall back to reading every 5 s.
 */
import { browser } from 'wxt/browser';

const KEY = 'logChangedAt';
const FALLBACK_MS = 5000;

type SessionArea = { set(items: Record<string, unknown>): Promise<void> };
const sessionArea = (): SessionArea | undefined => (browser.storage as unknown as { session?: SessionArea }).session;

/** Background: the log was written. */
export function noteLogChanged(): void {
  void sessionArea()
    ?.set({ [KEY]: Date.now() })
    .catch(() => {});
}

/** Pages: calls back whenever the log changed; returns the function that stops watching. */
export function watchLogChanges(onChange: () => void): () => void {
  if (!sessionArea()) {
    const timer = setInterval(onChange, FALLBACK_MS);
    return () => clearInterval(timer);
  }
  // Reports while typing come every few hundred ms: one re-read per burst.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'session' || !(KEY in changes) || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, 300);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(listener);
  };
}

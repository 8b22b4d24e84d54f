/**
 * `browser` in the content scripts (#17.9): the few extension APIs a case page uses, with promises on
 * every core, in place of webextension-polyfill (the extension's pages and worker keep it; the build
 * swaps it here for content scripts only, wxt.config.ts). Chromium before 99 — and every MV2 build —
 * gives no promise from runtime.sendMessage and ignores a promise a message listener returns;
 * Firefox's own `browser` has both and is used as it is. An API not provided here is undefined:
 * the content scripts' e2e tests run every path that uses one.
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean;

interface ChromeApi {
  runtime: {
    id?: string;
    lastError?: { message?: string };
    getURL(path: string): string;
    sendMessage(message: unknown, callback: (answer: unknown) => void): void;
    onMessage: { addListener(fn: ChromeListener): void; removeListener(fn: ChromeListener): void };
  };
  storage: { onChanged: { addListener(fn: unknown): void; removeListener(fn: unknown): void } };
}

function fromChrome(chrome: ChromeApi) {
  const wrapped = new Map<Listener, ChromeListener>();
  return {
    runtime: {
      get id() {
        return chrome.runtime?.id;
      },
      getURL: (path: string) => chrome.runtime.getURL(path),
      sendMessage: (message: unknown) =>
        new Promise<unknown>((resolve, reject) => {
          try {
            chrome.runtime.sendMessage(message, (answer) => {
              const error = chrome.runtime.lastError;
              if (error) reject(new Error(error.message ?? 'sendMessage failed'));
              else resolve(answer);
            });
          } catch (e) {
            reject(e); // the extension was reloaded or removed under the page
          }
        }),
      onMessage: {
        addListener(fn: Listener) {
          const w: ChromeListener = (message, sender, sendResponse) => {
            const answer = fn(message, sender) as Promise<unknown> | undefined;
            if (!answer || typeof answer.then !== 'function') return false;
            answer.then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: (e as Error)?.message ?? String(e) }));
            return true;
          };
          wrapped.set(fn, w);
          chrome.runtime.onMessage.addListener(w);
        },
        removeListener(fn: Listener) {
          const w = wrapped.get(fn);
          if (w) chrome.runtime.onMessage.removeListener(w);
          wrapped.delete(fn);
        },
      },
    },
    storage: { onChanged: chrome.storage.onChanged },
  };
}

const g = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome: ChromeApi };

export const browser = g.browser?.runtime?.id ? g.browser : fromChrome(g.chrome);

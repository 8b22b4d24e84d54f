/**
 * The content script: reads the case page, draws inline warnings as the officer types. Runs in
 * every frame; a same-origin subframe leaves the work to the top frame (which reads frames too),
 * a cross-origin frame is a page of its own.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { compilePack } from '../rules/engine';
import { defaultPack } from '../rules/packs/default';
import { attachSession } from '../lib/session/session';

function topIsReachable(): boolean {
  if (window === window.top) return false;
  try {
    return !!window.top?.document;
  } catch {
    return false;
  }
}

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (topIsReachable()) return;
    const session = attachSession({
      root: document,
      pack: compilePack(defaultPack()),
      docUrl: (ruleId) => `${browser.runtime.getURL('/rule.html')}#${encodeURIComponent(ruleId)}`,
    });
    ctx.onInvalidated(() => session.detach());
  },
});

/**
 * The content script: reads the case page and draws inline warnings as the officer types; the
 * reviewer's audit panel opens with Alt+Shift+A (or the extension's command). Runs in every
 * frame; a same-origin subframe leaves the work to the top frame (which reads frames too), a
 * cross-origin frame is a page of its own.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { compilePack } from '../rules/engine';
import { defaultPack } from '../rules/packs/default';
import { attachSession } from '../lib/session/session';
import { InPagePanel } from '../lib/panel/in-page';
import { isPanelShortcut, panelData } from '../lib/panel/data';
import { BgToCs, type CsToBg } from '../lib/messaging/protocol';

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
    const pack = compilePack(defaultPack());
    const docUrl = (ruleId: string) => `${browser.runtime.getURL('/rule.html')}#${encodeURIComponent(ruleId)}`;
    const session = attachSession({ root: document, pack, docUrl });
    const panel = new InPagePanel(document, (f) => session.focus(f), docUrl);
    // The side panel follows the page through the background (throttled: typing re-checks often).
    let reportTimer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      const r = session.result();
      const message: CsToBg = {
        type: 'cs-bg:page-result',
        summary: {
          url: location.href,
          title: document.title,
          caseNumber: r.fields['case.number'] ?? null,
          findings: r.findings,
          passed: r.passed,
          notApplicable: r.notApplicable,
          warnings: r.warnings,
          at: Date.now(),
        },
      };
      browser.runtime.sendMessage(message).catch(() => {
        /* the extension was reloaded or the worker is starting: the next result resends */
      });
    };
    const unsubscribe = session.subscribe((r) => {
      panel.update(panelData(r, pack, document.title));
      clearTimeout(reportTimer);
      reportTimer = setTimeout(report, 250);
    });
    const onKey = (e: KeyboardEvent) => {
      if (!isPanelShortcut(e)) return;
      e.preventDefault();
      e.stopPropagation();
      panel.toggle();
    };
    window.addEventListener('keydown', onKey, true);
    const onMessage = (message: unknown) => {
      const m = BgToCs.safeParse(message);
      if (!m.success) return undefined;
      if (m.data.type === 'bg-cs:toggle-panel') panel.toggle();
      else if (m.data.type === 'bg-cs:focus') session.focus(m.data);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unsubscribe();
      clearTimeout(reportTimer);
      panel.close();
      session.detach();
      window.removeEventListener('keydown', onKey, true);
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});

/**
 * The content script: reads the case page and draws inline warnings as the officer types; the
 * reviewer's audit panel opens with Alt+Shift+A (or the extension's command); every result goes to
 * the background's findings log (until acknowledged). Runs in every frame; a same-origin subframe
 * leaves the work to the top frame (which reads frames too), a cross-origin frame is a page of its own.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { compilePack, type ScanResult } from '../rules/engine';
import { parseList } from '../rules/values/parse';
import { defaultPack } from '../rules/packs/default';
import { attachSession } from '../lib/session/session';
import { InPagePanel } from '../lib/panel/in-page';
import { isPanelShortcut, panelData } from '../lib/panel/data';
import { BgToCs, type Input } from '../lib/messaging/protocol';
import { createReporter } from '../lib/messaging/reporter';

function topIsReachable(): boolean {
  if (window === window.top) return false;
  try {
    return !!window.top?.document;
  } catch {
    return false;
  }
}

/** A page load's id (http pages have no crypto.randomUUID; this needs no secrecy). */
const visit = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function summaryOf(r: ScanResult): Input<'cs-bg:page-result'> {
  return {
    visit,
    url: location.href,
    title: document.title,
    caseNumber: r.fields['case.number'] ?? null,
    caseKind: r.fields['case.kind'] ?? null,
    unit: r.fields['case.unit'] ?? null,
    officers: parseList(r.fields['case.officers'] ?? ''),
    findings: r.findings,
    passed: r.passed,
    notApplicable: r.notApplicable,
    warnings: r.warnings,
    at: Date.now(),
  };
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

    const reporter = createReporter({
      send: (m) => browser.runtime.sendMessage(m),
      onAnswer: (answer) => {
        if (answer.ok) {
          session.setSuppressed(answer.dismissedRules);
          session.setNotice(null);
        } else session.setNotice(answer.error);
      },
    });
    // Typing re-checks often: report the page a moment after it settles.
    let reportTimer: ReturnType<typeof setTimeout> | undefined;
    const onResult = (r: ScanResult) => {
      panel.update(panelData(r, pack, document.title));
      clearTimeout(reportTimer);
      reportTimer = setTimeout(() => {
        const raw = session.result();
        // A page with no case field at all is not a case page: nothing to log.
        if (raw.passed.length || raw.findings.length) reporter.report(summaryOf(raw));
      }, 250);
    };
    const unsubscribe = session.subscribe(onResult);

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
      reporter.stop();
      panel.close();
      session.detach();
      window.removeEventListener('keydown', onKey, true);
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});

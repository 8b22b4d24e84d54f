/**
 * The content script: reads the case page and draws inline warnings as the officer types; the
 * reviewer's audit panel opens with Alt+Shift+A (or the extension's command); every result goes to
 * the background's findings log (until acknowledged). Runs in every frame; a same-origin subframe
 * leaves the work to the top frame (which reads frames too), a cross-origin frame is a page of its own.
 *
 * Declared for the built-in demo origins and registered at run time for the intranet sites the user
 * or the unit's policy adds. It follows the configuration live: a site switched off in the popup,
 * a new pack, a rule override or a picked field take effect without reloading the page.
 *
 * What it runs with comes from the worker (`cs-bg:page-config`, lib/config/page-config.ts): the
 * pack without examples or prose, the overrides, the site profiles and the holiday calendar. This
 * script bundles no pack, no schema and no holiday data, so that every frame of a case page loads
 * little (#17.9).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Finding, ScanResult } from '../rules/engine/types';
import { compilePack } from '../rules/engine/compile';
import { parseList } from '../rules/values/parse';
import { HolidayCalendar } from '../rules/periods/calendar';
import { BUILT_IN_ORIGINS, matchPatternOf } from '../lib/config/origins';
import { watchConfig } from '../lib/config/watch';
import { profileFor } from '../lib/page/read';
import { urlPatternFor } from '../lib/page/selector';
import { reviewSaid } from '../lib/db/review-vocabulary';
import { attachInPage } from '../components/in-page/assemble';
import { reviewerUiHere, type ReviewerUi } from '../components/in-page/reviewer-ui';
import { readingSummary } from '../components/in-page/panel-data';
import { mapControl, type AssignField } from '../components/map-control';
import type { Input, PageConfig } from '../lib/messaging/protocol';
import { asBgToCs, request } from '../lib/messaging/request';
import { createReporter } from '../lib/messaging/reporter';
import { trFor } from '../lib/i18n/tr';
import { findingId } from '../lib/session/result';

/** This frame's content-script world runs CaseLint (one registry of symbols per world). */
const RUNNING = Symbol.for('caselint.content-script.running');

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

/**
 * What the log records of a page: the zh-CN result (contracts.md), and — when the user reads CaseLint
 * in English — each finding as it was shown, for the side panel.
 */
function summaryOf(r: ScanResult, shown?: ScanResult): Input<'cs-bg:page-result'> {
  const english = new Map(shown?.findings.map((f) => [findingId(f), f]));
  const findings = english.size
    ? r.findings.map((f) => {
        const e = english.get(findingId(f));
        return e ? { ...f, en: { message: e.message, title: e.title, ...(e.remedy ? { remedy: e.remedy } : {}) } } : f;
      })
    : r.findings;
  return {
    visit,
    url: location.href,
    title: document.title,
    caseNumber: r.fields['case.number'] ?? null,
    caseKind: r.fields['case.kind'] ?? null,
    unit: r.fields['case.unit'] ?? null,
    officers: parseList(r.fields['case.officers'] ?? ''),
    findings,
    passed: r.passed,
    notApplicable: r.notApplicable,
    warnings: r.warnings,
    at: Date.now(),
    fieldsRead: Object.keys(r.fields).length,
  };
}

export default defineContentScript({
  matches: BUILT_IN_ORIGINS.map(matchPatternOf),
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (topIsReachable()) return;
    // A configured site on a built-in origin matches twice (declared and registered): run once.
    // The mark is a symbol: an element of the page named like a string mark (<div id=…>, <img
    // name=…>) is a window property in this world too, and would silence CaseLint.
    const running = globalThis as unknown as Record<symbol, boolean | undefined>;
    if (running[RUNNING]) return;
    running[RUNNING] = true;

    let stop: (() => void) | undefined;
    /** Whether the reviewer's panel is open: it stays open when the page is read again with a new configuration. */
    let panelOpen: () => boolean = () => false;
    let stopPicker: (() => void) | undefined;
    let config: PageConfig | undefined;
    let generation = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const restart = async (attempt = 0): Promise<void> => {
      const mine = ++generation;
      clearTimeout(retry);
      let answer: Awaited<ReturnType<typeof pageConfig>> | undefined;
      try {
        answer = await pageConfig();
      } catch {
        answer = undefined; // the worker is starting or stopping
      }
      if (mine !== generation || ctx.isInvalid) return;
      // No answer yet: ask again, more slowly each time (the page is not read until the worker answers).
      if (!answer?.ok) {
        retry = setTimeout(() => void restart(attempt + 1), Math.min(5000, 100 * 2 ** attempt));
        return;
      }
      const next = answer.config;
      const reopen = panelOpen();
      stop?.();
      stop = undefined;
      panelOpen = () => false;
      config = next;
      if (next.active) ({ stop, panelOpen } = run(next, reopen));
    };
    void restart();
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const unwatch = watchConfig(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void restart(), 50);
    });

    const onMessage = (message: unknown) => {
      const m = asBgToCs(message);
      if (m?.type !== 'bg-cs:pick-field') return undefined;
      if (stopPicker) return Promise.resolve({ ok: true });
      const urlPattern = urlPatternFor(location.href);
      return reviewerUi().then(({ startPicker }) => {
        if (stopPicker) return { ok: true };
        stopPicker = startPicker({
          doc: document,
          assigned: config?.profiles.find((p) => p.urlPattern === urlPattern)?.fields ?? [],
          save: (field) => assignField(urlPattern, field),
          locale: config?.locale,
          onClose: () => {
            stopPicker?.();
            stopPicker = undefined;
          },
        });
        return { ok: true };
      });
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      generation++;
      clearTimeout(debounce);
      clearTimeout(retry);
      unwatch();
      stop?.();
      stopPicker?.();
      browser.runtime.onMessage.removeListener(onMessage);
      running[RUNNING] = false;
    });
  },
});

const send = (m: unknown) => browser.runtime.sendMessage(m);

/** What to run with on this page, from the worker. */
const pageConfig = () => request(send, 'cs-bg:page-config', { origin: location.origin });

/** A site-profile entry for this page type, saved by the worker. */
const assignField: AssignField = async (urlPattern, field) => {
  const r = await request(send, 'cs-bg:assign-field', { urlPattern, field: field as Input<'cs-bg:assign-field'>['field'] });
  if (!r.ok) throw new Error(r.error);
};

/** The reviewer UI in this frame: the worker injects it the first time it is needed. */
async function reviewerUi(): Promise<ReviewerUi> {
  const here = reviewerUiHere();
  if (here) return here;
  const r = await request(send, 'cs-bg:load-reviewer-ui', {});
  if (!r.ok) throw new Error(r.error);
  const loaded = reviewerUiHere();
  if (!loaded) throw new Error('reviewer-ui.js did not load');
  return loaded;
}

/** Reads and checks the page with the configuration in force; returns the function that stops it. */
function run(config: PageConfig, openPanel = false): { stop: () => void; panelOpen: () => boolean } {
  const pack = compilePack(config.pack);
  const calendar = new HolidayCalendar(config.calendars);
  const locale = config.locale;
  const tr = trFor(locale);
  const docUrl = (ruleId: string) => `${browser.runtime.getURL('/rule.html')}#${encodeURIComponent(ruleId)}`;
  const reviewer = config.role === 'reviewer';
  /** Rules a reviewer dismissed for this case: from the log's answers and from the panel. */
  let dismissed: string[] = [];
  const onReview = async (f: Finding, action: 'confirm' | 'dismiss', reason: 'false-positive' | 'not-applicable' | 'accepted-exception' | null): Promise<string> => {
    try {
      const r = await request(send, 'cs-bg:review-finding', {
        url: location.href,
        caseNumber: session.result().fields['case.number'] ?? null,
        ruleId: f.ruleId,
        fieldKey: f.fieldKey,
        ...(f.row !== undefined ? { row: f.row } : {}),
        action,
        reason,
      });
      if (r.ok && action === 'dismiss') {
        dismissed = [...new Set([...dismissed, f.ruleId])];
        session.setSuppressed(dismissed);
      }
      return reviewSaid(r, action, tr);
    } catch {
      return tr('未完成：后台服务未响应，请重试', 'Not done: the extension did not answer; please try again');
    }
  };
  /** A control the reader could not map, mapped by the reviewer for this page type (#18.4): the site profile changes, the page is read again. */
  const onMap = (selector: string, key: string) => mapControl(location.href, selector, key, tr, assignField);
  const inPage = attachInPage({
    root: document,
    pack,
    docUrl,
    profile: profileFor(location.href, config.profiles),
    engine: { overrides: config.ruleOverrides, calendar },
    locale,
    panel: reviewer && { ui: reviewerUi, onReview, onMap },
  });
  const { session, panel } = inPage;
  if (openPanel) panel?.open();
  /** How many fields pages of this type usually give (the worker's answer), for the panel (#18.5). */
  const setTypical = inPage.setTypicalFields;
  const reporter = createReporter({
    send,
    onAnswer: (answer) => {
      if (answer.ok) {
        dismissed = answer.dismissedRules;
        setTypical(answer.typicalFields);
        session.setSuppressed(answer.dismissedRules);
        session.setNotice(null);
      } else session.setNotice(answer.error);
    },
  });
  // Typing re-checks often: report the page a moment after it settles.
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const reportResult = () => {
    reportTimer = undefined;
    const raw = session.result();
    // A page where no rule could be checked is not logged; its fields are still compared with its type's (#18.5).
    const read = readingSummary(session.reading());
    if (raw.passed.length || raw.findings.length) reporter.report({ ...(locale === 'zh-CN' ? summaryOf(raw) : summaryOf(session.resultIn('zh-CN'), raw)), ...read });
    else if (Object.keys(raw.fields).length) {
      void request(send, 'cs-bg:fields-read', { visit, url: location.href, caseNumber: raw.fields['case.number'] ?? null, fieldsRead: Object.keys(raw.fields).length })
        .then((a) => a.ok && setTypical(a.typicalFields))
        .catch(() => {});
    }
  };
  const onResult = () => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => reportResult(), 250);
  };
  const unsubscribe = session.subscribe(onResult);
  // The page goes away (tab closed, navigated, hidden, form submitted): the last change is not
  // left waiting for the pause — it is reported at once.
  const onLeave = () => {
    // Read the page once more: a keystroke's re-check may still be waiting for its pause.
    clearTimeout(reportTimer);
    session.rescan();
    reportResult();
    reporter.sendNow();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onLeave();
  };
  window.addEventListener('pagehide', onLeave, true);
  document.addEventListener('visibilitychange', onVisibility, true);
  document.addEventListener('submit', onLeave, true);

  // A web page may not open extension pages: "查看规则全文" asks the worker to open the rule page.
  const onDocClick = (e: MouseEvent) => {
    const link = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && n.href.startsWith(browser.runtime.getURL('/rule.html')));
    if (!link || !e.isTrusted) return;
    e.preventDefault();
    const ruleId = decodeURIComponent(new URL(link.href).hash.slice(1));
    void request(send, 'cs-bg:open-rule', { ruleId }).catch(() => {});
  };
  document.addEventListener('click', onDocClick, true);

  const onMessage = (message: unknown) => {
    const m = asBgToCs(message);
    if (m?.type === 'bg-cs:toggle-panel') panel?.toggle();
    else if (m?.type === 'bg-cs:focus') session.focus(m);
    else if (m?.type === 'bg-cs:dismissed') {
      dismissed = [...new Set([...dismissed, ...m.ruleIds])];
      session.setSuppressed(dismissed);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return {
    panelOpen: () => !!panel?.isOpen,
    stop: () => {
      unsubscribe();
      clearTimeout(reportTimer);
      window.removeEventListener('pagehide', onLeave, true);
      document.removeEventListener('visibilitychange', onVisibility, true);
      document.removeEventListener('submit', onLeave, true);
      reporter.stop();
      inPage.detach();
      document.removeEventListener('click', onDocClick, true);
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}

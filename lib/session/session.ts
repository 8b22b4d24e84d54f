/**
 * A CaseLint session on one page: read → evaluate → draw, then follow the officer's typing.
 * Shared by the extension's content script and the intranet plugin (no extension APIs here).
 *
 * - A keystroke re-reads only the bindings of the field typed in and re-runs only the rules that
 *   depend on it (`rulesAffectedBy`).
 * - Script-set values (date pickers, layui selects) fire no events: clicks and a slow timer
 *   re-read values cheaply and re-check what changed.
 * - Structural changes (Vue re-renders, SPA navigation) re-read the page, batched, ignoring our
 *   own nodes.
 */
import { touchesFields } from './mutations';
import { compilePack, rulesAffectedBy, type CompiledPack } from '../../rules/engine/compile';
import { evaluate } from '../../rules/engine/evaluate';
import type { EngineOptions, FieldSnapshot, Finding, ScanResult } from '../../rules/engine/types';
import type { HolidayCalendar } from '../../rules/periods/calendar';
import { fieldLabel } from '../../rules/fields';
import type { Locale } from '../../rules/format';
import { trFor } from '../i18n/tr';

import { OWN_ATTR, readPage, snapshotsOf, type FieldBinding, type PageReading, type SiteProfile } from '../page/read';

/** A finding and the element it is shown at. */
export interface AnchoredFinding {
  finding: Finding;
  anchor: Element;
}

/**
 * What draws the warnings in one document (components/in-page/overlay.tsx): the session says what
 * to show, never how. lib/ holds no UI.
 */
export interface Drawer {
  update(items: AnchoredFinding[], announcement: string, notice: string | null): void;
  highlight(anchor: Element): void;
  /** Draws again where the fields are now (after the page moved or removed the warnings). */
  draw(): void;
  destroy(): void;
}

export interface SessionOptions {
  root: Document;
  pack: CompiledPack;
  /** The engine's options; the holiday calendar is given (the content script bundles none). */
  engine: SessionEngine;
  profile?: SiteProfile;
  /** Makes the drawer of a document (a frame gets its own); none: nothing is drawn (a headless session). */
  drawer?: (doc: Document) => Drawer;
  /** The language of the engine's messages and the announcements; zh-CN by default. */
  locale?: Locale;
  /** Diagnostics: how long each full scan (read + evaluate) and each re-check took, in ms. */
  onTiming?: (kind: 'scan' | 'recheck', ms: number) => void;
  /** Called after every scan or re-check with the page's current result. */
  onResult?: (result: ScanResult, reading: PageReading) => void;
}

export interface Session {
  result(): ScanResult;
  /** The current reading checked again in another language (the log's record is zh-CN whatever the UI shows). */
  resultIn(locale: Locale): ScanResult;
  reading(): PageReading;
  /** Re-reads the whole page now. */
  rescan(): ScanResult;
  /** The element a finding is shown at. */
  anchorOf(f: Pick<Finding, 'fieldKey' | 'row'>): Element | undefined;
  /** Scrolls to a finding's field, highlights it and focuses it. False when the field is gone. */
  focus(f: Pick<Finding, 'fieldKey' | 'row'>): boolean;
  /** Calls back with every new result as shown (the audit panel). */
  subscribe(listener: (result: ScanResult) => void): () => void;
  /** Rules a reviewer dismissed for this case: still reported to the log, no longer shown. */
  setSuppressed(ruleIds: Iterable<string>): void;
  /** Rules with findings on this page that a reviewer dismissed for the case (hidden, but counted). */
  dismissedOnPage(): string[];
  /** A notice for the user on the page (e.g. the log could not be written), or null to clear it. */
  setNotice(text: string | null): void;
  setPack(pack: CompiledPack): void;
  detach(): void;
}

/** What a session tells the engine besides the page: overrides, clock, zone — and the calendar. */
export type SessionEngine = Omit<EngineOptions, 'only' | 'fieldKeys'> & { calendar: HolidayCalendar };

const slot = (key: string, row?: number) => `${key}#${row ?? 0}`;

/** Runs a full scan of a document without attaching anything (the plugin's `scan()`). */
export function scanDocument(root: Document | Element, pack: CompiledPack, engine: SessionEngine, profile?: SiteProfile): ScanResult {
  const reading = readPage(root, profile);
  const result = evaluate(pack, snapshotsOf(reading.bindings), { ...engine, zoneOffsetMinutes: profile?.zoneOffsetMinutes ?? engine.zoneOffsetMinutes });
  result.warnings.push(...reading.skipped);
  return result;
}

/** The longest a change of the page waits for a full scan while the page keeps changing (ms). */
const MAX_SCAN_WAIT = 1000;

/** How long the officer may pause typing before a value that cannot be read is flagged. */
export const TYPING_PAUSE_MS = 800;

export function attachSession(options: SessionOptions): Session {
  const { root } = options;
  let pack = options.pack;
  const locale = options.locale ?? 'zh-CN';
  const tr = trFor(locale);
  const engineOptions = (): SessionEngine => ({ ...options.engine, locale, zoneOffsetMinutes: options.profile?.zoneOffsetMinutes ?? options.engine.zoneOffsetMinutes });
  const overlays = new Map<Document, Drawer>();
  let reading: PageReading = { bindings: [], skipped: [], unmapped: [] };
  let snapshots: FieldSnapshot[] = [];
  let result: ScanResult = { fields: {}, passed: [], notApplicable: [], findings: [], warnings: [] };
  let byElement = new WeakMap<Element, number[]>();
  let anchors = new Map<string, Element>();
  let documents = new Set<Document>();
  let previousIds = new Set<string>();
  /** Whether the page's problems were announced once (on load: only their number). */
  let announced = false;
  let detached = false;

  const listeners: [EventTarget, string, EventListener, boolean][] = [];
  const listen = (target: EventTarget, type: string, fn: EventListener) => {
    target.addEventListener(type, fn, true);
    listeners.push([target, type, fn, true]);
  };

  let suppressed = new Set<string>();
  let notice: string | null = null;
  /**
   * Fields the officer is typing in (#15.3): "2024-0" is not yet a date. A value that cannot be read
   * is flagged there only after a pause or when the field loses focus; a violation computed from
   * complete values shows at once.
   */
  const typing = new Set<string>();
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  function typed(indices: number[], done: boolean): void {
    let left = false;
    for (const i of indices) {
      const b = reading.bindings[i];
      if (!b) continue;
      if (done) left = typing.delete(slot(b.key, b.row)) || left;
      else typing.add(slot(b.key, b.row));
    }
    // Leaving the field shows what was held back, even when the value did not change.
    if (left) safely(publish);
    clearTimeout(typingTimer);
    if (typing.size)
      typingTimer = setTimeout(() => {
        typing.clear();
        safely(publish);
      }, TYPING_PAUSE_MS);
  }

  /** The result as shown: without the rules dismissed for this case, nor "cannot read" where the officer is still typing. */
  function visible(): ScanResult {
    if (!suppressed.size && !typing.size) return result;
    return {
      ...result,
      findings: result.findings.filter((f) => !suppressed.has(f.ruleId) && !(f.kind === 'needs-review' && (typing.has(slot(f.fieldKey, f.row)) || typing.has(slot(f.fieldKey))))),
    };
  }

  function draw(): void {
    if (!options.drawer) return;
    const shown = visible();
    const perDoc = new Map<Document, AnchoredFinding[]>();
    for (const finding of shown.findings) {
      const anchor = anchors.get(slot(finding.fieldKey, finding.row)) ?? anchors.get(slot(finding.fieldKey));
      if (!anchor) continue;
      const doc = anchor.ownerDocument;
      let list = perDoc.get(doc);
      if (!list) perDoc.set(doc, (list = []));
      list.push({ finding, anchor });
    }
    // Announce only what is new since the last draw.
    const ids = new Set(shown.findings.map((f) => `${f.ruleId}|${f.fieldKey}|${f.row ?? ''}|${f.kind}`));
    const fresh = shown.findings.filter((f) => !previousIds.has(`${f.ruleId}|${f.fieldKey}|${f.row ?? ''}|${f.kind}`));
    previousIds = ids;
    // On load, how many problems there are (never the whole list read out); later, what changed.
    const announcement = !fresh.length
      ? ''
      : !announced
        ? tr(
            `CaseLint：本页发现 ${fresh.length} 个问题，按 Tab 键可在字段后查看说明，按 Alt+Shift+N 跳到下一个问题`,
            `CaseLint: ${fresh.length} problem${fresh.length > 1 ? 's' : ''} on this page. Press Tab after a field to read it, Alt+Shift+N to go to the next one`,
          )
        : `CaseLint${tr('：', ': ')}${fresh.map((f) => `${tr(fieldLabel(f.fieldKey), f.title)}${tr('，', ', ')}${f.message}`).join(tr('；', '; '))}`;
    if (fresh.length) announced = true;
    for (const doc of new Set([...overlays.keys(), ...perDoc.keys(), ...(notice ? [root] : [])])) {
      if (!overlays.has(doc) && !perDoc.get(doc)?.length && !(notice && doc === root)) continue;
      overlayFor(doc).update(perDoc.get(doc) ?? [], doc === root ? announcement : '', doc === root ? notice : null);
    }
  }

  const subscribers = new Set<(result: ScanResult) => void>();
  function publish(): void {
    draw();
    const shown = visible();
    for (const fn of [options.onResult ? (r: ScanResult) => options.onResult!(r, reading) : undefined, ...subscribers]) {
      try {
        fn?.(shown);
      } catch {
        /* a consumer's error must not break the page */
      }
    }
  }

  function overlayFor(doc: Document): Drawer {
    let overlay = overlays.get(doc);
    if (!overlay) {
      overlay = options.drawer!(doc);
      overlays.set(doc, overlay);
    }
    return overlay;
  }

  function focus(f: Pick<Finding, 'fieldKey' | 'row'>): boolean {
    const anchor = anchors.get(slot(f.fieldKey, f.row)) ?? anchors.get(slot(f.fieldKey));
    if (!anchor?.isConnected) return false;
    anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (options.drawer) overlayFor(anchor.ownerDocument).highlight(anchor);
    const control = anchor.matches('input, select, textarea, [tabindex]') ? anchor : anchor.querySelector('input, select, textarea');
    (control as HTMLElement | null)?.focus?.({ preventScroll: true });
    return true;
  }

  function index(): void {
    byElement = new WeakMap();
    anchors = new Map();
    reading.bindings.forEach((b, i) => {
      for (const el of [...b.watch, b.anchor]) {
        const list = byElement.get(el) ?? [];
        list.push(i);
        byElement.set(el, list);
      }
      if (!anchors.has(slot(b.key, b.row))) anchors.set(slot(b.key, b.row), b.anchor);
    });
    const docs = new Set<Document>([root]);
    for (const b of reading.bindings) docs.add(b.anchor.ownerDocument);
    for (const doc of docs) if (!documents.has(doc)) watchDocument(doc);
    documents = docs;
  }

  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  function fullScan(): ScanResult {
    const t0 = now();
    reading = readPage(root, options.profile);
    snapshots = snapshotsOf(reading.bindings);
    index();
    result = evaluate(pack, snapshots, engineOptions());
    result.warnings.push(...reading.skipped);
    options.onTiming?.('scan', now() - t0);
    publish();
    return result;
  }

  /** Re-reads the given bindings; re-checks only the rules that depend on what changed. */
  function recheck(indices: Iterable<number>): void {
    const t0 = now();
    const changed = new Set<string>();
    for (const i of indices) {
      const b = reading.bindings[i];
      if (!b) continue;
      let raw: string | null = null;
      try {
        raw = b.read();
      } catch {
        continue;
      }
      const s = snapshots[i];
      if (s && s.key === b.key && s.raw !== raw) {
        s.raw = raw;
        changed.add(b.key);
      }
    }
    if (!changed.size) return;
    const only = rulesAffectedBy(pack, changed);
    const partial = evaluate(pack, snapshots, { ...engineOptions(), only, fieldKeys: changed });
    result = {
      fields: { ...result.fields, ...partial.fields },
      passed: [...result.passed.filter((id) => !only.has(id)), ...partial.passed],
      notApplicable: [...result.notApplicable.filter((id) => !only.has(id)), ...partial.notApplicable],
      findings: [...result.findings.filter((f) => !only.has(f.ruleId)), ...partial.findings],
      warnings: [...new Set([...result.warnings, ...partial.warnings])],
    };
    options.onTiming?.('recheck', now() - t0);
    publish();
  }

  function refreshValues(): void {
    recheck(reading.bindings.keys());
  }

  let valueTimer: ReturnType<typeof setTimeout> | undefined;
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Set<number>();
  function scheduleRecheck(indices: number[], delay = 30): void {
    indices.forEach((i) => pending.add(i));
    clearTimeout(valueTimer);
    valueTimer = setTimeout(() => {
      const list = [...pending];
      pending.clear();
      safely(() => recheck(list));
    }, delay);
  }
  /**
   * A full scan once the page has been quiet for `delay` — but no later than MAX_SCAN_WAIT after the
   * first change it has not served: a page that never stops changing (a clock, a body replaced
   * every 50 ms) is still read at least once a second.
   */
  let scanWantedSince: number | undefined;
  function scheduleFullScan(delay = 200): void {
    const now = Date.now();
    scanWantedSince ??= now;
    clearTimeout(scanTimer);
    scanTimer = setTimeout(
      () => {
        scanWantedSince = undefined;
        safely(fullScan);
      },
      Math.max(0, Math.min(delay, scanWantedSince + MAX_SCAN_WAIT - now)),
    );
  }

  function bindingsFor(target: EventTarget | null): number[] | undefined {
    let el = target instanceof Object && 'nodeType' in (target as Node) ? (target as Element) : null;
    for (let depth = 0; el && depth < 6; depth++, el = el.parentElement) {
      const hit = byElement.get(el);
      if (hit) return hit;
    }
    return undefined;
  }

  function watchDocument(doc: Document): void {
    const onEdit: EventListener = (e) => {
      const hit = bindingsFor(e.target);
      if (!hit) return;
      typed(hit, e.type !== 'input');
      scheduleRecheck(hit);
    };
    for (const type of ['input', 'change', 'blur']) listen(doc, type, onEdit);
    // layui option clicks stop propagation and set the hidden <select> by script; date pickers set
    // values without events: after any click, re-read values once the widget has done its work.
    listen(doc, 'click', () => {
      clearTimeout(valueTimer);
      valueTimer = setTimeout(() => safely(refreshValues), 60);
    });
    listen(doc, 'submit', () => safely(refreshValues));
    // Frames load after the page that holds them (framesets, late iframes): read again when one does.
    listen(doc, 'load', (e) => {
      const t = e.target as Element | null;
      if (t && (t.tagName === 'IFRAME' || t.tagName === 'FRAME')) scheduleFullScan(50);
    });
    const win = doc.defaultView;
    if (win && 'MutationObserver' in win) {
      const observer = new win.MutationObserver((records) => {
        // A page that removes our warnings gets them back (they are drawn again, not re-read).
        if (records.some((r) => [...r.removedNodes].some((n) => (n as Element).hasAttribute?.(OWN_ATTR)))) requestRedraw();
        // Our own nodes, a clock or a toast never trigger a re-read: only controls, labels and bound values.
        if (touchesFields(records, (el) => byElement.has(el))) scheduleFullScan();
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'value', 'checked', 'selected'] });
      observers.push(observer);
    }
  }

  const observers: MutationObserver[] = [];
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  function requestRedraw(): void {
    clearTimeout(redrawTimer);
    redrawTimer = setTimeout(() => safely(draw), 50);
  }
  function safely(f: () => unknown): void {
    if (detached) return;
    try {
      f();
    } catch (e) {
      // Never throw into the page; keep the last good result.
      result = { ...result, warnings: [...result.warnings, `${tr("检查出错：", "Check failed: ")}${(e as Error).message}`] };
    }
  }

  // Deadlines move with the clock: re-evaluate every minute; values set by script: every 1.5 s.
  const clock = setInterval(() => safely(() => {
    result = evaluate(pack, snapshots, engineOptions());
    result.warnings.push(...reading.skipped);
    publish();
  }), 60_000);
  const poll = setInterval(() => safely(refreshValues), 1500);

  safely(fullScan);

  return {
    result: () => result,
    resultIn: (other) => {
      if (other === locale) return result;
      const again = evaluate(pack, snapshots, { ...engineOptions(), locale: other });
      again.warnings.push(...reading.skipped);
      return again;
    },
    reading: () => reading,
    rescan: () => {
      safely(fullScan);
      return result;
    },
    anchorOf: (f) => anchors.get(slot(f.fieldKey, f.row)) ?? anchors.get(slot(f.fieldKey)),
    focus,
    dismissedOnPage: () => [...new Set(result.findings.filter((f) => suppressed.has(f.ruleId)).map((f) => f.ruleId))],
    setSuppressed(ruleIds) {
      const next = new Set(ruleIds);
      if (next.size === suppressed.size && [...next].every((r) => suppressed.has(r))) return;
      suppressed = next;
      publish();
    },
    setNotice(text) {
      if (text === notice) return;
      notice = text;
      draw();
    },
    subscribe(listener) {
      subscribers.add(listener);
      listener(visible());
      return () => subscribers.delete(listener);
    },
    setPack(next) {
      pack = next;
      safely(fullScan);
    },
    detach() {
      detached = true;
      clearInterval(clock);
      clearInterval(poll);
      clearTimeout(valueTimer);
      clearTimeout(scanTimer);
      clearTimeout(redrawTimer);
      observers.forEach((o) => o.disconnect());
      for (const [t, type, fn, cap] of listeners) t.removeEventListener(type, fn, cap);
      overlays.forEach((o) => o.destroy());
      overlays.clear();
      subscribers.clear();
    },
  };
}

export { compilePack };
export type { FieldBinding };

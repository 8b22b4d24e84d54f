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
 *
 * Split by concern (#17.2): the page model (page-model.ts: bindings with their values), the result
 * kept and shown (result.ts), rendering and announcements (render.ts), and the watchers — events,
 * mutations, timers — all ended by one AbortController (watchers.ts). This module schedules.
 */
import { compilePack, rulesAffectedBy, type CompiledPack } from '../../rules/engine/compile';
import { evaluate } from '../../rules/engine/evaluate';
import type { EngineOptions, Finding, ScanResult } from '../../rules/engine/types';
import type { Locale } from '../../rules/format';
import type { HolidayCalendar } from '../../rules/periods/calendar';
import { trFor } from '../i18n/tr';
import { readPage, snapshotsOf, type FieldBinding, type PageReading, type SiteProfile } from '../page/read';
import { PageModel, slotOf, type Entry } from './page-model';
import { Rendering, type AnchoredFinding, type Drawer } from './render';
import { EMPTY_RESULT, mergeRecheck, shownResult } from './result';
import { every, Later, watchDocument } from './watchers';

export type { AnchoredFinding, Drawer };

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

/** Runs a full scan of a document without attaching anything (the plugin's `scan()`). */
export function scanDocument(root: Document | Element, pack: CompiledPack, engine: SessionEngine, profile?: SiteProfile): ScanResult {
  const reading = readPage(root, profile);
  const result = evaluate(pack, snapshotsOf(reading.bindings), { ...engine, zoneOffsetMinutes: profile?.zoneOffsetMinutes ?? engine.zoneOffsetMinutes }, engine.calendar);
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
  const { calendar } = options.engine;
  const engineOptions = (): EngineOptions => ({ ...options.engine, locale, zoneOffsetMinutes: options.profile?.zoneOffsetMinutes ?? options.engine.zoneOffsetMinutes });
  const model = new PageModel();
  const rendering = new Rendering(root, options.drawer, tr);
  const stop = new AbortController();
  const { signal } = stop;
  let result: ScanResult = EMPTY_RESULT;
  let watched = new Set<Document>();
  let suppressed = new Set<string>();
  let notice: string | null = null;
  /**
   * Fields the officer is typing in (#15.3): "2024-0" is not yet a date. A value that cannot be read
   * is flagged there only after a pause or when the field loses focus; a violation computed from
   * complete values shows at once.
   */
  const typing = new Set<string>();
  const typingPause = new Later(signal);
  const valueCheck = new Later(signal);
  const fullScanLater = new Later(signal);
  const redraw = new Later(signal);

  const visible = () => shownResult(result, suppressed, typing);
  const draw = () => rendering.draw(visible(), (f) => model.anchorOf(f), notice);

  const subscribers = new Set<(result: ScanResult) => void>();
  function publish(): void {
    draw();
    const shown = visible();
    for (const fn of [options.onResult ? (r: ScanResult) => options.onResult!(r, model.reading) : undefined, ...subscribers]) {
      try {
        fn?.(shown);
      } catch {
        /* a consumer's error must not break the page */
      }
    }
  }

  /** Never throws into the page; a failure keeps the last good result and says so. */
  function safely(f: () => unknown): void {
    if (signal.aborted) return;
    try {
      f();
    } catch (e) {
      result = { ...result, warnings: [...result.warnings, `${tr('检查出错：', 'Check failed: ')}${(e as Error).message}`] };
    }
  }

  function typed(entries: Entry[], done: boolean): void {
    let left = false;
    for (const { binding: b } of entries) {
      if (done) left = typing.delete(slotOf(b.key, b.row)) || left;
      else typing.add(slotOf(b.key, b.row));
    }
    // Leaving the field shows what was held back, even when the value did not change.
    if (left) safely(publish);
    typingPause.cancel();
    if (typing.size)
      typingPause.run(() => {
        typing.clear();
        safely(publish);
      }, TYPING_PAUSE_MS);
  }

  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  function fullScan(): ScanResult {
    const t0 = now();
    model.read(root, options.profile);
    const docs = model.documents(root);
    for (const doc of docs) if (!watched.has(doc)) watchDocument(doc, signal, (el) => model.isBound(el), events);
    watched = docs;
    result = evaluate(pack, model.snapshots, engineOptions(), calendar);
    result.warnings.push(...model.reading.skipped);
    options.onTiming?.('scan', now() - t0);
    publish();
    return result;
  }

  /** Re-reads the given entries; re-checks only the rules that depend on what changed. */
  function recheck(entries: Iterable<Entry>): void {
    const t0 = now();
    const changed = model.refresh(entries);
    if (!changed.size) return;
    const only = rulesAffectedBy(pack, changed);
    result = mergeRecheck(result, evaluate(pack, model.snapshots, { ...engineOptions(), only, fieldKeys: changed }, calendar), only);
    options.onTiming?.('recheck', now() - t0);
    publish();
  }

  const refreshValues = () => recheck(model.entries);

  const pending = new Set<Entry>();
  function scheduleRecheck(entries: Entry[], delay = 30): void {
    entries.forEach((e) => pending.add(e));
    valueCheck.run(() => {
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
    const t = Date.now();
    scanWantedSince ??= t;
    fullScanLater.run(
      () => {
        scanWantedSince = undefined;
        safely(fullScan);
      },
      Math.max(0, Math.min(delay, scanWantedSince + MAX_SCAN_WAIT - t)),
    );
  }

  const events = {
    edited(target: EventTarget | null, done: boolean) {
      const hit = model.entriesAt(target);
      if (!hit) return;
      typed(hit, done);
      scheduleRecheck(hit);
    },
    // layui option clicks stop propagation and set the hidden <select> by script; date pickers set
    // values without events: after any click, re-read values once the widget has done its work.
    clicked: () => valueCheck.run(() => safely(refreshValues), 60),
    submitted: () => safely(refreshValues),
    // Frames load after the page that holds them (framesets, late iframes): read again when one does.
    frameLoaded: () => scheduleFullScan(50),
    // A page that removes our warnings gets them back (they are drawn again, not re-read).
    ownNodesRemoved: () => redraw.run(() => safely(draw), 50),
    fieldsChanged: () => scheduleFullScan(),
  };

  // Deadlines move with the clock: re-evaluate every minute; values set by script: every 1.5 s.
  every(
    60_000,
    () =>
      safely(() => {
        result = evaluate(pack, model.snapshots, engineOptions(), calendar);
        result.warnings.push(...model.reading.skipped);
        publish();
      }),
    signal,
  );
  every(1500, () => safely(refreshValues), signal);

  safely(fullScan);

  return {
    result: () => result,
    resultIn: (other) => {
      if (other === locale) return result;
      const again = evaluate(pack, model.snapshots, { ...engineOptions(), locale: other }, calendar);
      again.warnings.push(...model.reading.skipped);
      return again;
    },
    reading: () => model.reading,
    rescan: () => {
      safely(fullScan);
      return result;
    },
    anchorOf: (f) => model.anchorOf(f),
    focus(f) {
      const anchor = model.anchorOf(f);
      if (!anchor?.isConnected) return false;
      anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
      rendering.highlight(anchor);
      const control = anchor.matches('input, select, textarea, [tabindex]') ? anchor : anchor.querySelector('input, select, textarea');
      (control as HTMLElement | null)?.focus?.({ preventScroll: true });
      return true;
    },
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
      stop.abort();
      rendering.destroy();
      subscribers.clear();
    },
  };
}

export { compilePack };
export type { FieldBinding };

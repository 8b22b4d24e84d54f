/**
 * How a session follows the page (#17.2): events, mutations and timers, every one of them ended by
 * one AbortController's signal. (Listeners are removed on abort by hand: `addEventListener`'s
 * `signal` option came in Chromium 90, and the plugin runs in 88.)
 */
import { OWN_ATTR } from '../page/read';
import { touchesFields } from './mutations';

/** Listens until the signal aborts (capture phase: a page that stops propagation does not hide its edits). */
export function listen(target: EventTarget, type: string, fn: EventListener, signal: AbortSignal): void {
  if (signal.aborted) return;
  target.addEventListener(type, fn, true);
  signal.addEventListener('abort', () => target.removeEventListener(type, fn, true), { once: true });
}

/** A single-slot timer: scheduling again replaces the waiting run; the signal cancels it. */
export class Later {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.cancel(), { once: true });
  }

  run(fn: () => void, ms: number): void {
    if (this.signal.aborted) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(fn, ms);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Runs `fn` every `ms` until the signal aborts. */
export function every(ms: number, fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const id = setInterval(fn, ms);
  signal.addEventListener('abort', () => clearInterval(id), { once: true });
}

/** What a watched document tells the session. */
export interface PageEvents {
  /** An edit in a control: `done` when it was a change or the field lost focus (not a keystroke). */
  edited(target: EventTarget | null, done: boolean): void;
  /** A click or a submit: widgets set values by script without events. */
  clicked(): void;
  submitted(): void;
  /** A frame finished loading (framesets, late iframes). */
  frameLoaded(): void;
  /** The page removed CaseLint's own nodes (its warnings come back). */
  ownNodesRemoved(): void;
  /** A change that can change what is read: a control, a label, a bound value. */
  fieldsChanged(): void;
}

/** Follows one document until the signal aborts. `isBound` says whether an element holds a value the last reading bound. */
export function watchDocument(doc: Document, signal: AbortSignal, isBound: (el: Element) => boolean, on: PageEvents): void {
  const onEdit: EventListener = (e) => on.edited(e.target, e.type !== 'input');
  for (const type of ['input', 'change', 'blur']) listen(doc, type, onEdit, signal);
  listen(doc, 'click', () => on.clicked(), signal);
  listen(doc, 'submit', () => on.submitted(), signal);
  listen(
    doc,
    'load',
    (e) => {
      const t = e.target as Element | null;
      if (t && (t.tagName === 'IFRAME' || t.tagName === 'FRAME')) on.frameLoaded();
    },
    signal,
  );
  const win = doc.defaultView;
  if (!win || !('MutationObserver' in win) || !doc.documentElement) return;
  const observer = new win.MutationObserver((records) => {
    if (records.some((r) => [...r.removedNodes].some((n) => (n as Element).hasAttribute?.(OWN_ATTR)))) on.ownNodesRemoved();
    // Our own nodes, a clock or a toast never trigger a re-read: only controls, labels and bound values.
    if (touchesFields(records, isBound)) on.fieldsChanged();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'value', 'checked', 'selected'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * The overlay host: one per document (frames get their own), appended to <html> (a <frameset>
 * page has no <body> to mount in), zero-sized, in an open shadow root. It never changes the page's
 * layout and keeps keystrokes in our UI away from the page's shortcut handlers.
 */
import { render } from 'preact';
import { INLINE_CSS, InlineWarnings, type PlacedFinding } from '../InlineWarnings';
import type { AnchoredFinding, Drawer } from '../../lib/session/session';
import type { Locale } from '../../rules/format';
import { LocaleContext } from '../locale';
import { OWN_ATTR } from '../../lib/page/read';

const MARKER = 18;
const GAP = 4;
const FOCUSABLE = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable="true"]';

export class Overlay implements Drawer {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private items: AnchoredFinding[] = [];
  private announcement = '';
  private notice: string | null = null;
  private frame = 0;
  private highlighted?: Element;
  private highlightTimer?: ReturnType<typeof setTimeout>;
  private readonly onMove = () => this.schedule();
  /** Markers by the field they belong to, in their order (for Tab: the marker comes right after its field). */
  private markers = new Map<Element, string[]>();
  private readonly onPageTab = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as Element | null;
    if (!target || target === this.host) return;
    for (const [anchor, ids] of this.markers) {
      if ((anchor === target || anchor.contains(target)) && this.focusMarker(ids[0]!)) {
        e.preventDefault();
        return;
      }
    }
  };

  /** Alt+Shift+N (#15.4): the next warning in page order after the focus, round to the first. */
  private readonly onNextWarning = (e: KeyboardEvent) => {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyN') return;
    const anchors = [...this.markers.keys()].filter((a) => a.isConnected).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (!anchors.length) return;
    e.preventDefault();
    e.stopPropagation();
    const markerId = (e.composedPath()[0] as Element | undefined)?.closest?.('[data-caselint-marker]')?.getAttribute('data-caselint-marker');
    const current = markerId ? [...this.markers].find(([, ids]) => ids.includes(markerId))?.[0] : (this.doc.activeElement as Element | null);
    const next =
      (current && current !== this.doc.body ? anchors.find((a) => a !== current && !a.contains(current) && current.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) : anchors[0]) ?? anchors[0]!;
    next.scrollIntoView?.({ block: 'center' });
    this.focusMarker(this.markers.get(next)![0]!);
  };

  constructor(
    readonly doc: Document,
    private readonly docUrl?: (ruleId: string) => string | undefined,
    private readonly locale: Locale = 'zh-CN',
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_ATTR, '');
    this.host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;z-index:2147483646;pointer-events:none;';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = INLINE_CSS;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
    this.host.addEventListener('keydown', (e) => this.onMarkerTab(e));
    for (const type of ['keydown', 'keyup', 'keypress', 'input']) {
      this.host.addEventListener(type, (e) => e.stopPropagation());
    }
    doc.addEventListener('keydown', this.onPageTab, true);
    doc.addEventListener('keydown', this.onNextWarning, true);
    doc.documentElement.append(this.host);
    doc.defaultView?.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', this.onMove, { passive: true });
  }

  update(items: AnchoredFinding[], announcement: string, notice: string | null = null): void {
    this.items = items;
    this.announcement = announcement;
    this.notice = notice;
    this.draw();
  }

  /** Outlines a field for a few seconds (the reviewer jumped to it from the audit panel). */
  highlight(anchor: Element): void {
    this.highlighted = anchor;
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => {
      this.highlighted = undefined;
      this.draw();
    }, 4000);
    this.draw();
  }

  private focusMarker(id: string): boolean {
    const el = this.host.shadowRoot?.querySelector(`[data-caselint-marker="${CSS.escape(id)}"]`) as HTMLElement | null;
    el?.focus();
    return !!el;
  }

  /** Tab from a marker: its field's next marker, then what follows the field in the page; Shift+Tab goes back to the field. */
  private onMarkerTab(e: Event): void {
    const k = e as KeyboardEvent;
    if (k.key !== 'Tab' || k.altKey || k.ctrlKey || k.metaKey) return;
    const id = (k.composedPath()[0] as Element | undefined)?.closest?.('[data-caselint-marker]')?.getAttribute('data-caselint-marker');
    if (!id) return;
    for (const [anchor, ids] of this.markers) {
      const at = ids.indexOf(id);
      if (at < 0) continue;
      const next = k.shiftKey ? (at > 0 ? ids[at - 1] : undefined) : ids[at + 1];
      if (next && this.focusMarker(next)) return void k.preventDefault();
      const to = k.shiftKey ? this.focusableIn(anchor) : this.focusableAfter(anchor);
      if (to) {
        k.preventDefault();
        to.focus();
      }
      return;
    }
  }

  private focusableIn(anchor: Element): HTMLElement | null {
    return (anchor.matches(FOCUSABLE) ? anchor : anchor.querySelector(FOCUSABLE)) as HTMLElement | null;
  }

  private focusableAfter(anchor: Element): HTMLElement | null {
    for (const el of this.doc.querySelectorAll<HTMLElement>(FOCUSABLE)) {
      if (anchor.contains(el) || el.closest(`[${OWN_ATTR}]`) || (el as HTMLInputElement).disabled || el.tabIndex < 0) continue;
      if (anchor.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && el.getClientRects().length) return el;
    }
    return null;
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (this.frame || !win) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Positions follow the fields: computed from their boxes at each draw. */
  draw(): void {
    if (!this.host.isConnected) this.doc.documentElement?.append(this.host);
    const win = this.doc.defaultView;
    const sx = win?.scrollX ?? 0;
    const sy = win?.scrollY ?? 0;
    const maxX = (win?.innerWidth ?? 1e6) + sx - MARKER - 2;
    const perAnchor = new Map<Element, number>();
    this.markers = new Map();
    const placed: PlacedFinding[] = [];
    for (const { finding, anchor } of this.items) {
      if (!anchor.isConnected) continue;
      const r = anchor.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden field
      const n = perAnchor.get(anchor) ?? 0;
      perAnchor.set(anchor, n + 1);
      const id = `${finding.ruleId}|${finding.fieldKey}|${finding.row ?? ''}`;
      this.markers.set(anchor, [...(this.markers.get(anchor) ?? []), id]);
      placed.push({
        finding,
        id,
        x: Math.min(r.right + sx + GAP + n * (MARKER + GAP), maxX),
        y: r.top + sy + Math.max(0, (r.height - MARKER) / 2),
      });
    }
    let highlight: { x: number; y: number; w: number; h: number } | undefined;
    if (this.highlighted?.isConnected) {
      const r = this.highlighted.getBoundingClientRect();
      highlight = { x: r.left + sx, y: r.top + sy, w: r.width, h: r.height };
    }
    render(
      <LocaleContext.Provider value={this.locale}>
        <InlineWarnings items={placed} announcement={this.announcement} docUrl={this.docUrl} highlight={highlight} notice={this.notice} />
      </LocaleContext.Provider>,
      this.mount,
    );
  }

  destroy(): void {
    clearTimeout(this.highlightTimer);
    render(null, this.mount);
    this.doc.defaultView?.removeEventListener('scroll', this.onMove, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onMove);
    this.doc.removeEventListener('keydown', this.onPageTab, true);
    this.doc.removeEventListener('keydown', this.onNextWarning, true);
    this.host.remove();
  }
}

/**
 * The overlay host: one per document (frames get their own), appended to <html> (a <frameset>
 * page has no <body> to mount in), zero-sized, in an open shadow root. It never changes the page's
 * layout and keeps keystrokes in our UI away from the page's shortcut handlers.
 */
import { render } from 'preact';
import { INLINE_CSS, InlineWarnings, type PlacedFinding } from '../../components/InlineWarnings';
import type { Finding } from '../../rules/engine';
import { OWN_ATTR } from '../page/read';

export interface AnchoredFinding {
  finding: Finding;
  anchor: Element;
}

const MARKER = 18;
const GAP = 4;

export class Overlay {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private items: AnchoredFinding[] = [];
  private announcement = '';
  private notice: string | null = null;
  private frame = 0;
  private highlighted?: Element;
  private highlightTimer?: ReturnType<typeof setTimeout>;
  private readonly onMove = () => this.schedule();

  constructor(
    readonly doc: Document,
    private readonly docUrl?: (ruleId: string) => string | undefined,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_ATTR, '');
    this.host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;z-index:2147483646;pointer-events:none;';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = INLINE_CSS;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
    for (const type of ['keydown', 'keyup', 'keypress', 'input']) {
      this.host.addEventListener(type, (e) => e.stopPropagation());
    }
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
    const placed: PlacedFinding[] = [];
    for (const { finding, anchor } of this.items) {
      if (!anchor.isConnected) continue;
      const r = anchor.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden field
      const n = perAnchor.get(anchor) ?? 0;
      perAnchor.set(anchor, n + 1);
      placed.push({
        finding,
        id: `${finding.ruleId}|${finding.fieldKey}|${finding.row ?? ''}`,
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
      <InlineWarnings items={placed} announcement={this.announcement} docUrl={this.docUrl} now={Date.now()} highlight={highlight} notice={this.notice} />,
      this.mount,
    );
  }

  destroy(): void {
    clearTimeout(this.highlightTimer);
    render(null, this.mount);
    this.doc.defaultView?.removeEventListener('scroll', this.onMove, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onMove);
    this.host.remove();
  }
}

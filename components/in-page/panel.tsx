/**
 * The in-page audit panel: a fixed drawer docked on the right (or left) of the page, in its own open
 * shadow root (the plugin, Firefox, and wherever the Chrome side panel is unavailable). It floats
 * over the page and never changes its layout; Escape closes it; a field it jumps to is never left
 * under it (the panel moves to the other side).
 */
import { render } from 'preact';
import { AuditPanel, PANEL_CSS, type AuditPanelProps, type PanelData } from '../AuditPanel';
import type { Finding } from '../../rules/engine';
import type { Locale } from '../../rules/format';
import { LocaleContext } from '../locale';
import { OWN_ATTR } from '../../lib/page/read';

export class InPagePanel {
  private host?: HTMLElement;
  private mount?: HTMLElement;
  private data?: PanelData;
  private side: 'left' | 'right' = 'right';
  private readonly onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.isOpen) this.close();
  };

  constructor(
    private readonly doc: Document,
    private readonly onSelect: (f: Finding) => void,
    private readonly docUrl?: (ruleId: string) => string | undefined,
    /** The element a finding's field is shown in, to keep it clear of the panel. */
    private readonly fieldOf?: (f: Finding) => Element | undefined,
    /** A reviewer's confirm or dismiss from the panel (the extension; the plugin has no log). */
    private readonly onReview?: AuditPanelProps['onReview'],
    private readonly locale: Locale = 'zh-CN',
    /** Maps an unmapped control to a field (the extension's site profiles; none in the plugin). */
    private readonly onMap?: AuditPanelProps['onMap'],
  ) {}

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  open(): void {
    if (this.isOpen) return;
    const host = this.doc.createElement('div');
    host.setAttribute(OWN_ATTR, 'panel');
    host.lang = this.locale;
    host.style.cssText = this.placement();
    host.dataset.side = this.side;
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = `:host{all:initial}.wrap{height:100vh;overflow:auto;background:#fff;border-left:1px solid #d1d5db;box-shadow:-4px 0 12px rgba(0,0,0,.12)}:host([data-side=left]) .wrap{border-left:0;border-right:1px solid #d1d5db;box-shadow:4px 0 12px rgba(0,0,0,.12)}${PANEL_CSS}`;
    const mount = this.doc.createElement('div');
    mount.className = 'wrap';
    shadow.append(style, mount);
    host.addEventListener('keydown', (e) => this.onEscape(e as KeyboardEvent));
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'change']) host.addEventListener(type, (e) => e.stopPropagation());
    this.doc.addEventListener('keydown', this.onEscape, true);
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    this.draw();
    (shadow.querySelector('.ap-close') as HTMLElement | null)?.focus();
  }

  close(): void {
    this.doc.removeEventListener('keydown', this.onEscape, true);
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = undefined;
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  update(data: PanelData): void {
    this.data = data;
    this.draw();
  }

  private placement(): string {
    return `position:fixed;top:0;${this.side}:0;width:380px;max-width:90vw;height:100vh;z-index:2147483647;`;
  }

  /** Docks the panel on the other side of the window. */
  move(): void {
    this.side = this.side === 'right' ? 'left' : 'right';
    if (this.host) {
      this.host.style.cssText = this.placement();
      this.host.dataset.side = this.side;
    }
    this.draw();
  }

  /** After a jump to a field: if the field is under the panel, the panel moves to the side that leaves it clear. */
  private select(f: Finding): void {
    this.onSelect(f);
    const field = this.fieldOf?.(f);
    const view = this.doc.defaultView;
    if (!field || !this.host || !view) return;
    view.requestAnimationFrame(() => {
      if (!this.host) return;
      const a = field.getBoundingClientRect();
      const b = this.host.getBoundingClientRect();
      const width = view.innerWidth;
      // How much of the field each side's panel would cover; move only when the other side covers less.
      const covered = (left: number) => Math.max(0, Math.min(a.right, left + b.width) - Math.max(a.left, left));
      const here = this.side === 'right' ? covered(width - b.width) : covered(0);
      const there = this.side === 'right' ? covered(0) : covered(width - b.width);
      if (a.top < b.bottom && a.bottom > b.top && here > 0 && there < here) this.move();
    });
  }

  private draw(): void {
    if (!this.mount || !this.data) return;
    render(
      <LocaleContext.Provider value={this.locale}>
        <AuditPanel data={this.data} onSelect={(f) => this.select(f)} onClose={() => this.close()} docUrl={this.docUrl} dock={{ side: this.side, onMove: () => this.move() }} onReview={this.onReview} onMap={this.onMap} />
      </LocaleContext.Provider>,
      this.mount,
    );
  }
}

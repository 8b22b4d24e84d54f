/**
 * The in-page audit panel: a fixed drawer on the right of the page, in its own open shadow root
 * (the plugin, Firefox, and wherever the Chrome side panel is unavailable). It floats over the
 * page and never changes its layout.
 */
import { render } from 'preact';
import { AuditPanel, PANEL_CSS, type PanelData } from '../../components/AuditPanel';
import type { Finding } from '../../rules/engine';
import { OWN_ATTR } from '../page/read';

export class InPagePanel {
  private host?: HTMLElement;
  private mount?: HTMLElement;
  private data?: PanelData;

  constructor(
    private readonly doc: Document,
    private readonly onSelect: (f: Finding) => void,
    private readonly docUrl?: (ruleId: string) => string | undefined,
  ) {}

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  open(): void {
    if (this.isOpen) return;
    const host = this.doc.createElement('div');
    host.setAttribute(OWN_ATTR, 'panel');
    host.style.cssText = 'position:fixed;top:0;right:0;width:380px;max-width:90vw;height:100vh;z-index:2147483647;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = `:host{all:initial}.wrap{height:100vh;overflow:auto;background:#fff;border-left:1px solid #d1d5db;box-shadow:-4px 0 12px rgba(0,0,0,.12)}${PANEL_CSS}`;
    const mount = this.doc.createElement('div');
    mount.className = 'wrap';
    shadow.append(style, mount);
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'change']) host.addEventListener(type, (e) => e.stopPropagation());
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    this.draw();
    (shadow.querySelector('.ap-close') as HTMLElement | null)?.focus();
  }

  close(): void {
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

  private draw(): void {
    if (!this.mount || !this.data) return;
    render(<AuditPanel data={this.data} onSelect={this.onSelect} onClose={() => this.close()} docUrl={this.docUrl} />, this.mount);
  }
}

/**
 * Rendering a session's result (#17.2): the findings grouped by the document their field is in (a
 * frame gets its own drawer), and what a screen reader is told — on load how many problems there
 * are, later only what is new. The drawers themselves are UI (components/in-page/overlay.tsx).
 */
import type { Finding, ScanResult } from '../../rules/engine/types';
import { fieldLabel } from '../../rules/fields';
import type { Tr } from '../i18n/tr';
import { findingId } from './result';

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

export class Rendering {
  private readonly drawers = new Map<Document, Drawer>();
  private shownIds = new Set<string>();
  /** Whether the page's problems were announced once (on load: only their number). */
  private announced = false;

  constructor(
    private readonly root: Document,
    private readonly makeDrawer: ((doc: Document) => Drawer) | undefined,
    private readonly tr: Tr,
  ) {}

  draw(shown: ScanResult, anchorOf: (f: Finding) => Element | undefined, notice: string | null): void {
    if (!this.makeDrawer) return;
    const perDoc = new Map<Document, AnchoredFinding[]>();
    for (const finding of shown.findings) {
      const anchor = anchorOf(finding);
      if (!anchor) continue;
      const list = perDoc.get(anchor.ownerDocument);
      if (list) list.push({ finding, anchor });
      else perDoc.set(anchor.ownerDocument, [{ finding, anchor }]);
    }
    const announcement = this.announce(shown.findings);
    for (const doc of new Set([...this.drawers.keys(), ...perDoc.keys(), ...(notice ? [this.root] : [])])) {
      if (!this.drawers.has(doc) && !perDoc.get(doc)?.length && !(notice && doc === this.root)) continue;
      this.drawerOf(doc).update(perDoc.get(doc) ?? [], doc === this.root ? announcement : '', doc === this.root ? notice : null);
    }
  }

  highlight(anchor: Element): void {
    if (this.makeDrawer) this.drawerOf(anchor.ownerDocument).highlight(anchor);
  }

  destroy(): void {
    this.drawers.forEach((d) => d.destroy());
    this.drawers.clear();
  }

  /** Only what is new since the last draw; on load, how many problems there are (never the whole list read out). */
  private announce(findings: Finding[]): string {
    const { tr } = this;
    const ids = new Set(findings.map(findingId));
    const fresh = findings.filter((f) => !this.shownIds.has(findingId(f)));
    this.shownIds = ids;
    if (!fresh.length) return '';
    const first = !this.announced;
    this.announced = true;
    if (first) {
      return tr(
        `CaseLint：本页发现 ${fresh.length} 个问题，按 Tab 键可在字段后查看说明，按 Alt+Shift+N 跳到下一个问题`,
        `CaseLint: ${fresh.length} problem${fresh.length > 1 ? 's' : ''} on this page. Press Tab after a field to read it, Alt+Shift+N to go to the next one`,
      );
    }
    return `CaseLint${tr('：', ': ')}${fresh.map((f) => `${tr(fieldLabel(f.fieldKey), f.title)}${tr('，', ', ')}${f.message}`).join(tr('；', '; '))}`;
  }

  private drawerOf(doc: Document): Drawer {
    let drawer = this.drawers.get(doc);
    if (!drawer) this.drawers.set(doc, (drawer = this.makeDrawer!(doc)));
    return drawer;
  }
}

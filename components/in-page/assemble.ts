/**
 * What CaseLint puts on a case page, assembled once for the extension's content script and the
 * intranet plugin: the session (read → check → follow the typing) drawing its warnings with the
 * overlay, and — for reviewers — the in-page audit panel, kept up to date and toggled by Alt+Shift+A.
 */
import type { CompiledPack, ScanResult } from '../../rules/engine';
import type { Locale } from '../../rules/format';
import { trFor } from '../../lib/i18n/tr';
import type { SiteProfile } from '../../lib/page/read';
import { attachSession, type Session, type SessionEngine } from '../../lib/session/session';
import type { AuditPanelProps } from '../AuditPanel';
import { Overlay } from './overlay';
import type { InPagePanel } from './panel';
import { isPanelShortcut, panelData } from './panel-data';
import type { ReviewerUi } from './reviewer-ui';

export interface InPageOptions {
  root: Document;
  pack: CompiledPack;
  profile?: SiteProfile;
  /** The engine's options, the holiday calendar among them (the page's locale is `locale`). */
  engine: Omit<SessionEngine, 'locale'>;
  /** The language of the warnings, the popovers and the panel (zh-CN by default). */
  locale?: Locale;
  /** Where "查看规则全文" leads (none: no link). */
  docUrl?: (ruleId: string) => string | undefined;
  onTiming?: (kind: 'scan' | 'recheck', ms: number) => void;
  onResult?: (result: ScanResult) => void;
  /**
   * The reviewer's in-page audit panel, from the reviewer UI (`ui`: loaded on demand by the extension,
   * bundled by the plugin); `onReview` adds its confirm and dismiss (the extension's log), `onMap`
   * the mapping of unrecognised controls (its site profiles).
   */
  panel?: false | { ui: () => Promise<ReviewerUi>; onReview?: AuditPanelProps['onReview']; onMap?: AuditPanelProps['onMap'] };
}

export interface InPage {
  session: Session;
  /** The reviewer's panel (none for an officer): opened, toggled or asked about before it has loaded, it does so once it has. */
  panel: PanelControl | undefined;
  /** How many fields pages of this type usually give (#18.5), for the panel's warning. */
  setTypicalFields(n: number | null): void;
  detach(): void;
}

export interface PanelControl {
  open(): void;
  toggle(): void;
  readonly isOpen: boolean;
}

export function attachInPage(o: InPageOptions): InPage {
  const locale = o.locale ?? 'zh-CN';
  const session = attachSession({
    root: o.root,
    pack: o.pack,
    profile: o.profile,
    engine: o.engine,
    locale,
    drawer: (doc) => new Overlay(doc, o.docUrl, locale),
    onTiming: o.onTiming,
    onResult: o.onResult ? (r) => o.onResult?.(r) : undefined,
  });
  // How many case fields the page was last read with, on <html data-caselint-read>: that CaseLint ran
  // here and what it saw, for the unit's IT staff (and for tests that wait for a page to be read).
  const unmark = session.subscribe((r) => o.root.documentElement?.setAttribute('data-caselint-read', String(Object.keys(r.fields).length)));
  const detachSession = () => {
    unmark();
    o.root.documentElement?.removeAttribute('data-caselint-read');
    session.detach();
  };
  if (!o.panel) return { session, panel: undefined, setTypicalFields: () => {}, detach: detachSession };

  const doc = o.root;
  const { onReview, onMap } = o.panel;
  let panel: InPagePanel | undefined;
  /** Whether the reviewer asked for the panel while it was loading: it opens when it is there. */
  let openOnLoad = false;
  let detached = false;
  let typical: number | null = null;
  const show = (r = session.result()) => panel?.update(panelData(r, o.pack, doc.title, session.dismissedOnPage(), typical, locale, session.reading()));
  const unsubscribe = session.subscribe(show);
  o.panel.ui().then(
    (ui) => {
      if (detached) return;
      panel = new ui.InPagePanel(doc, (f) => session.focus(f), o.docUrl, (f) => session.anchorOf(f), onReview, locale, onMap);
      show();
      if (openOnLoad) panel.open();
    },
    // Never a silent panel: the reviewer is told on the page why it cannot open.
    (e: unknown) => !detached && session.setNotice(`${trFor(locale)('审核面板无法加载：', 'The audit panel could not be loaded: ')}${(e as Error)?.message ?? e}`),
  );
  const control: PanelControl = {
    open: () => (panel ? panel.open() : (openOnLoad = true)),
    toggle: () => (panel ? panel.toggle() : (openOnLoad = !openOnLoad)),
    get isOpen() {
      return panel ? panel.isOpen : openOnLoad;
    },
  };
  const onKey = (e: KeyboardEvent) => {
    if (!isPanelShortcut(e)) return;
    e.preventDefault();
    e.stopPropagation();
    control.toggle();
  };
  doc.defaultView?.addEventListener('keydown', onKey, true);
  return {
    session,
    panel: control,
    setTypicalFields(n) {
      if (n === typical) return;
      typical = n;
      show();
    },
    detach() {
      detached = true;
      unsubscribe();
      panel?.close();
      doc.defaultView?.removeEventListener('keydown', onKey, true);
      detachSession();
    },
  };
}

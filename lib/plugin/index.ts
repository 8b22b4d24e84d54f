/**
 * The intranet plugin: one self-contained script that the case-handling system includes with
 * <script src="caselint.js">. It carries the default pack and the label dictionary and exposes
 * `window.CaseLint` (contracts.md §3). No extension APIs, no network.
 */
import { compilePack, type CompiledPack, type ScanResult } from '../../rules/engine';
import { parsePack } from '../../rules/pack';
import { defaultPack } from '../../rules/packs/default';
import type { SiteProfile } from '../page/read';
import { isPanelShortcut, panelData } from '../panel/data';
import { environmentWarnings } from './environment';
import { quietPrototypes } from './quiet-prototypes';
import { InPagePanel } from '../panel/in-page';
import { attachSession, scanDocument, type Session } from '../session/session';
import type { Locale } from '../../rules/format';

declare const __CASELINT_VERSION__: string;

export interface AttachOptions {
  root?: Document;
  profile?: SiteProfile;
  /** Link target for "查看规则全文"; none by default (the plugin ships no documentation pages). */
  docUrl?: (ruleId: string) => string | undefined;
  onResult?: (result: ScanResult) => void;
  /** Diagnostics for benchmarks: duration of each full scan and each re-check, in ms. */
  onTiming?: (kind: 'scan' | 'recheck', ms: number) => void;
  /** Offer the reviewer's audit panel (toggled with Alt+Shift+A). */
  panel?: boolean;
  /** The language of the warnings, the popovers and the panel: 'zh-CN' (default) or 'en'. `onResult` gets the findings in it too. */
  locale?: Locale;
}

export type Detach = () => void;

/** Compiled when the plugin loads, before the page can change more of its environment. */
let pack: CompiledPack | undefined = compileSafely();
const sessions = new Set<Session>();

function compileSafely(): CompiledPack | undefined {
  try {
    return compilePack(defaultPack());
  } catch {
    return undefined;
  }
}

function currentPack(): CompiledPack {
  return (pack ??= compilePack(defaultPack()));
}

const empty = (...warnings: string[]): ScanResult => ({ fields: {}, passed: [], notApplicable: [], findings: [], warnings });

export const CaseLint = {
  version: typeof __CASELINT_VERSION__ === 'string' ? __CASELINT_VERSION__ : '0.0.0-dev',
  scan(root?: Document | Element): ScanResult {
    try {
      const result = scanDocument(root ?? document, currentPack());
      result.warnings.push(...environmentWarnings());
      return result;
    } catch (e) {
      return empty(`检查未完成：${(e as Error).message}`, ...environmentWarnings());
    }
  },
  attach(options: AttachOptions = {}): Detach {
    try {
      const session = attachSession({
        root: options.root ?? document,
        pack: currentPack(),
        profile: options.profile,
        docUrl: options.docUrl,
        onResult: options.onResult ? (r) => options.onResult?.(r) : undefined,
        onTiming: options.onTiming,
        locale: options.locale,
      });
      sessions.add(session);
      let closePanel = () => {};
      if (options.panel) {
        const doc = options.root ?? document;
        const panel = new InPagePanel(doc, (f) => session.focus(f), options.docUrl, (f) => session.anchorOf(f), undefined, options.locale);
        const unsubscribe = session.subscribe((r) => panel.update(panelData(r, currentPack(), doc.title, session.dismissedOnPage(), null, options.locale)));
        const onKey = (e: KeyboardEvent) => {
          if (!isPanelShortcut(e)) return;
          e.preventDefault();
          panel.toggle();
        };
        doc.defaultView?.addEventListener('keydown', onKey, true);
        closePanel = () => {
          unsubscribe();
          panel.close();
          doc.defaultView?.removeEventListener('keydown', onKey, true);
        };
      }
      return () => {
        closePanel();
        session.detach();
        sessions.delete(session);
      };
    } catch {
      return () => {};
    }
  },
  /** Replaces the rule pack; an invalid pack throws (listing every error by path) and the old one stays. */
  loadPack(input: unknown): void {
    const restore = quietPrototypes();
    let next: CompiledPack;
    try {
      next = compilePack(parsePack(input));
    } finally {
      restore();
    }
    pack = next;
    for (const s of sessions) s.setPack(next);
  },
};

export type CaseLintApi = typeof CaseLint;

/**
 * The intranet plugin: one self-contained script that the case-handling system includes with
 * <script src="caselint.js">. It carries the default pack and the label dictionary and exposes
 * `window.CaseLint` (contracts.md §3). No extension APIs, no network.
 */
import { compilePack, type CompiledPack, type ScanResult } from '../rules/engine';
import { parsePack } from '../rules/pack';
import { defaultPack } from '../rules/packs/default';
import { defaultCalendar } from '../rules/periods/bundled-calendar';
import type { SiteProfile } from '../lib/page/read';
import { environmentWarnings } from './environment';
import { quietPrototypes } from './quiet-prototypes';
import { scanDocument, type Session } from '../lib/session/session';
import { attachInPage } from '../components/in-page/assemble';
import { InPagePanel } from '../components/in-page/panel';
import { startPicker } from '../components/in-page/picker';
import type { Locale } from '../rules/format';

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
      const result = scanDocument(root ?? document, currentPack(), { calendar: defaultCalendar });
      result.warnings.push(...environmentWarnings());
      return result;
    } catch (e) {
      return empty(`检查未完成：${(e as Error).message}`, ...environmentWarnings());
    }
  },
  attach(options: AttachOptions = {}): Detach {
    try {
      const inPage = attachInPage({
        root: options.root ?? document,
        pack: currentPack(),
        engine: { calendar: defaultCalendar },
        profile: options.profile,
        docUrl: options.docUrl,
        onResult: options.onResult,
        onTiming: options.onTiming,
        locale: options.locale,
        panel: !!options.panel && { ui: () => Promise.resolve({ InPagePanel, startPicker }) },
      });
      sessions.add(inPage.session);
      return () => {
        inPage.detach();
        sessions.delete(inPage.session);
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

/**
 * Inline warnings: a small marker at the right edge of each offending field, with a popover that
 * says what is wrong (with the numbers), the legal basis, and a link to the full rule. Rendered in
 * a shadow root; page values appear as text only (never as HTML).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../rules/engine';
import { TONES, toneOf } from './severity';
import { Quoting, useTr, Zh } from './locale';
import { WholeWords, WHOLE_WORDS_CSS } from './WholeWords';

export interface PlacedFinding {
  finding: Finding;
  /** Document coordinates of the marker's top-left corner. */
  x: number;
  y: number;
  /** Stable key: rule, field and row. */
  id: string;
}

export interface InlineWarningsProps {
  items: PlacedFinding[];
  /** Screen-reader announcement of what changed. */
  announcement: string;
  docUrl?: (ruleId: string) => string | undefined;
  /** A field the reviewer jumped to from the audit panel (document coordinates). */
  highlight?: { x: number; y: number; w: number; h: number };
  /** A notice for the user, e.g. the findings log could not be written. */
  notice?: string | null;
}

/** A request to close every popover: by Escape (also hides one shown by hover or focus) or by a click elsewhere. */
type CloseAll = { n: number; escape: boolean };

/** Width of a popover (CSS `.cl-pop`), to keep it inside the window. */
const POP_WIDTH = 320;

/**
 * Where a popover goes so that it stays inside the window (#15.4): to the left of its marker near
 * the right edge, above it in the lower part of the window.
 */
function placement(item: PlacedFinding): string {
  const view = typeof window === 'undefined' ? null : window;
  if (!view) return '';
  const left = item.x - view.scrollX;
  const top = item.y - view.scrollY;
  return `${left + POP_WIDTH > view.innerWidth ? ' cl-flip-x' : ''}${top > view.innerHeight * 0.6 ? ' cl-flip-y' : ''}`;
}

function Marker({ item, docUrl, closeAll }: { item: PlacedFinding; docUrl?: InlineWarningsProps['docUrl']; closeAll: CloseAll }) {
  const [open, setOpen] = useState(false);
  /** Escape hides the popover even while the marker keeps focus or the pointer, until it is left. */
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (!closeAll.n) return;
    setOpen(false);
    if (closeAll.escape) setHidden(true);
  }, [closeAll]);
  const tr = useTr();
  const f = item.finding;
  const tone = TONES[toneOf(f)];
  const level = tr(tone.zh, tone.en);
  const href = docUrl?.(f.ruleId);
  const popId = `cl-pop-${item.id.replace(/[^\w-]/g, '_')}`;
  const toggle = () => {
    setHidden(false);
    setOpen(!open);
  };
  // The marker holds two things side by side — its button and the popover (with a link) — so that no
  // interactive element is nested in another (axe: nested-interactive). Focusing the marker focuses its button.
  return (
    <div
      class={`cl-marker cl-${toneOf(f)}${open ? ' cl-open' : ''}${hidden ? ' cl-hidden' : ''}${placement(item)}`}
      style={{ left: `${item.x}px`, top: `${item.y}px`, '--cl-colour': tone.colour, '--cl-tint': tone.tint }}
      data-caselint-marker={item.id}
      data-caselint-rule={f.ruleId}
      data-caselint-field={f.fieldKey}
      data-caselint-severity={f.severity}
      data-caselint-kind={f.kind}
      {...(f.row !== undefined ? { 'data-caselint-row': String(f.row) } : {})}
      tabIndex={-1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) (e.currentTarget.firstElementChild as HTMLElement | null)?.focus();
        setHidden(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setOpen(false);
          setHidden(true);
        }
      }}
      onBlur={() => setHidden(false)}
      onMouseEnter={() => setHidden(false)}
      onMouseLeave={() => setHidden(false)}
    >
      <span
        class="cl-btn"
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-describedby={popId}
        aria-label={`${level}${tr('：', ': ')}${f.title}`}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggle();
          }
        }}
      >
        <span class="cl-icon" aria-hidden="true">
          {tone.icon}
        </span>
      </span>
      <div class="cl-pop" id={popId} role="tooltip">
        <p class="cl-head">
          <span class="cl-badge">
            {tone.icon} {level}
          </span>
          <span class="cl-title">{f.title}</span>
        </p>
        <p class="cl-msg">
          <WholeWords text={f.message} />
        </p>
        {f.remedy ? (
          <p class="cl-remedy">
            <Quoting text={f.remedy} />
          </p>
        ) : null}
        <p class="cl-basis">
          {tr('依据：', 'Legal basis: ')}
          <Zh text={f.basis} />
        </p>
        {href ? (
          <a class="cl-link" href={href} target="_blank" rel="noopener noreferrer">
            {tr('查看规则全文', 'Read the full rule')}
          </a>
        ) : null}
      </div>
    </div>
  );
}

export function InlineWarnings({ items, announcement, docUrl, highlight, notice }: InlineWarningsProps) {
  const tr = useTr();
  const [said, setSaid] = useState('');
  // Escape anywhere in the page, or a click outside the warnings, closes every open popover.
  const [closeAll, setCloseAll] = useState<CloseAll>({ n: 0, escape: false });
  useEffect(() => {
    const doc = typeof document === 'undefined' ? null : document;
    if (!doc) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setCloseAll((c) => ({ n: c.n + 1, escape: true }));
    };
    const onClick = (e: MouseEvent) => {
      if (!e.composedPath().some((n) => (n as Element).classList?.contains('cl-marker'))) setCloseAll((c) => ({ n: c.n + 1, escape: false }));
    };
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('click', onClick, true);
    return () => {
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('click', onClick, true);
    };
  }, []);
  // Re-set the live region so repeated announcements are read again.
  useEffect(() => {
    setSaid('');
    const t = setTimeout(() => setSaid(announcement), 50);
    return () => clearTimeout(t);
  }, [announcement]);
  return (
    <div class="cl-root">
      {notice ? (
        <div class="cl-notice" role="alert" data-caselint-notice="">
          CaseLint{tr('：', ': ')}
          {notice}
        </div>
      ) : null}
      {highlight ? (
        <div
          class="cl-highlight"
          data-caselint-highlight=""
          style={{ left: `${highlight.x - 3}px`, top: `${highlight.y - 3}px`, width: `${highlight.w + 6}px`, height: `${highlight.h + 6}px` }}
        />
      ) : null}
      {items.map((item) => (
        <Marker key={item.id} item={item} docUrl={docUrl} closeAll={closeAll} />
      ))}
      <div class="cl-sr" aria-live="polite" role="status">
        {said}
      </div>
    </div>
  );
}

export const INLINE_CSS = `
:host { all: initial; }
.cl-root { position: absolute; left: 0; top: 0; width: 0; height: 0; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 13px; line-height: 1.5; color: #111827; }
.cl-marker { position: absolute; width: 18px; height: 18px; border-radius: 9px; background: var(--cl-colour); color: #fff; display: flex; align-items: center; justify-content: center; cursor: pointer; pointer-events: auto; box-shadow: 0 0 0 2px #fff; z-index: 1; }
.cl-marker:focus { outline: none; }
.cl-btn { display: flex; width: 100%; height: 100%; align-items: center; justify-content: center; border-radius: 9px; }
.cl-btn:focus { outline: 2px solid #111827; outline-offset: 2px; }
.cl-icon { font-size: 11px; font-weight: 700; line-height: 1; }
.cl-pop { display: none; position: absolute; top: 22px; left: -8px; width: 320px; max-width: 80vw; background: #fff; color: #111827; border: 1px solid var(--cl-colour); border-left: 4px solid var(--cl-colour); border-radius: 4px; padding: 8px 10px; box-shadow: 0 4px 12px rgba(0,0,0,.18); z-index: 2; text-align: left; cursor: auto; }
.cl-marker:hover .cl-pop, .cl-marker:focus .cl-pop, .cl-marker:focus-within .cl-pop, .cl-open .cl-pop { display: block; }
.cl-marker.cl-hidden .cl-pop { display: none; }
.cl-marker:hover, .cl-marker:focus, .cl-marker:focus-within, .cl-open { z-index: 10; }
.cl-flip-x .cl-pop { left: auto; right: -8px; }
.cl-flip-y .cl-pop { top: auto; bottom: 22px; }
.cl-pop p { margin: 0 0 4px; }
.cl-head { display: flex; align-items: baseline; font-weight: 600; }
.cl-head > * + * { margin-left: 6px; }
.cl-badge { color: var(--cl-colour); background: var(--cl-tint); border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.cl-msg { white-space: normal; overflow-wrap: anywhere; }
${WHOLE_WORDS_CSS}
.cl-basis { color: #374151; font-size: 12px; }
.cl-remedy { color: #065f46; font-size: 12px; margin: 4px 0; }
.cl-link { color: #1d4ed8; font-size: 12px; }
.cl-highlight { position: absolute; border: 3px solid #2563eb; border-radius: 4px; box-shadow: 0 0 0 4px rgba(37,99,235,.25); pointer-events: none; animation: cl-pulse 1s ease-in-out 3; }
@keyframes cl-pulse { 50% { box-shadow: 0 0 0 8px rgba(37,99,235,.1); } }
.cl-notice { position: fixed; top: 8px; right: 8px; max-width: 360px; background: #fef2f2; color: #991b1b; border: 1px solid #b91c1c; border-radius: 4px; padding: 6px 10px; pointer-events: auto; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
.cl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

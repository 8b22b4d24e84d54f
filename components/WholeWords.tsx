/**
 * Text in which case numbers, dates with their times, ID numbers and Latin names are never broken
 * across lines (#15.8): "XS2024-0302" or "2024-03-06 14:30" wrap whole, Chinese wraps between
 * characters as usual, and a token too long for its box still wraps rather than overflowing.
 */

/** A run of Latin letters and digits with the joiners used in numbers and dates (-, :, /, .), and a date's time. */
const WHOLE = /\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?|[A-Za-z0-9]+(?:[-:/.·〔〕][A-Za-z0-9]+)*/g;

export function wholeTokens(text: string): { text: string; whole: boolean }[] {
  const out: { text: string; whole: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(WHOLE)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index), whole: false });
    out.push({ text: m[0], whole: m[0].length > 1 });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), whole: false });
  return out;
}

export const WHOLE_WORDS_CSS = '.whole { white-space: nowrap; }';

export function WholeWords({ text }: { text: string }) {
  return (
    <>
      {wholeTokens(text).map((t, i) =>
        t.whole ? (
          <span key={i} class="whole">
            {t.text}
          </span>
        ) : (
          t.text
        ),
      )}
    </>
  );
}

/**
 * Web-platform features newer than the cores CaseLint supports, with the Chromium version that
 * brought each (MDN browser-compat-data). The compatibility check flags a built file that uses
 * one newer than its target. Syntax is checked apart, by parsing (check.ts).
 *
 * Patterns read minified output: they look for the call or the declaration as it stands in code
 * and in CSS strings. Add a feature here when a library or our code starts to use it.
 */
export interface Feature {
  name: string;
  /** First Chromium core with it. */
  chromium: number;
  pattern: RegExp;
  /**
   * A test for the feature (`typeof WeakRef < "u"`) anywhere in the file: its uses there are
   * taken as guarded with a fallback (libraries detect once and use further on).
   */
  guard?: RegExp;
}

/** `typeof NAME` compared with "undefined", "u" or "function" (minifiers write `typeof X<"u"`). */
function typeofTest(name: string): RegExp {
  return new RegExp(`typeof\\s+${name}\\s*(<|[!=]==?)\\s*[\`'"](u|undefined|function)[\`'"]`);
}

export const FEATURES: readonly Feature[] = [
  // JavaScript built-ins
  { name: 'Object.hasOwn', chromium: 93, pattern: /\bObject\.hasOwn\s*\(/ },
  { name: 'Array.prototype.at / String.prototype.at', chromium: 92, pattern: /(?<!\.)\.at\(\s*-?[\w$.]+\s*\)/ }, // not a spread of a function named `at` (`...at(x)`)
  { name: 'structuredClone', chromium: 98, pattern: /\bstructuredClone\s*\(/ },
  { name: 'String.prototype.replaceAll', chromium: 85, pattern: /\.replaceAll\s*\(/ },
  { name: 'Promise.any', chromium: 85, pattern: /\bPromise\.any\s*\(/ },
  { name: 'AggregateError', chromium: 85, pattern: /\bAggregateError\b/, guard: typeofTest('AggregateError') },
  { name: 'Array.prototype.findLast / findLastIndex', chromium: 97, pattern: /\.findLast(Index)?\s*\(/ },
  { name: 'Array.prototype.toSorted / toReversed / toSpliced', chromium: 110, pattern: /\.to(Sorted|Reversed|Spliced)\s*\(/ },
  { name: 'Object.groupBy / Map.groupBy', chromium: 117, pattern: /\b(Object|Map)\.groupBy\s*\(/ },
  { name: 'Array.fromAsync', chromium: 121, pattern: /\bArray\.fromAsync\s*\(/ },
  { name: 'String.prototype.isWellFormed / toWellFormed', chromium: 111, pattern: /\.(isWellFormed|toWellFormed)\s*\(/ },
  { name: 'WeakRef / FinalizationRegistry', chromium: 84, pattern: /\bnew\s+(WeakRef|FinalizationRegistry)\b/, guard: typeofTest('(WeakRef|FinalizationRegistry)') },
  { name: 'crypto.randomUUID', chromium: 92, pattern: /\.randomUUID\s*\(/, guard: typeofTest('[\\w$.]+\\.randomUUID') },
  { name: 'AbortSignal.timeout', chromium: 103, pattern: /\bAbortSignal\.timeout\s*\(/ },
  { name: 'AbortSignal.any', chromium: 116, pattern: /\bAbortSignal\.any\s*\(/ },
  { name: 'Element.replaceChildren', chromium: 86, pattern: /\.replaceChildren\s*\(/ },
  { name: 'Element.checkVisibility', chromium: 105, pattern: /\.checkVisibility\s*\(/ },
  { name: 'Intl.Segmenter', chromium: 87, pattern: /\bIntl\.Segmenter\b/ },
  { name: 'navigator.userAgentData', chromium: 90, pattern: /\.userAgentData\b/, guard: /\bif\s*\(\s*navigator\.userAgentData\s*(\|\||\))/ },
  // CSS (in style sheets and in strings of script)
  { name: 'CSS :has()', chromium: 105, pattern: /:has\(/ },
  { name: 'CSS :is() / :where()', chromium: 88, pattern: /:(is|where)\(/ },
  { name: 'CSS :focus-visible', chromium: 86, pattern: /:focus-visible\b/ },
  // A CSS value (a length or auto), not a script key (`inset:[…]`, `{inset:e}` in a library).
  { name: 'CSS inset (shorthand and logical)', chromium: 87, pattern: /(?<![\w-])inset(-inline|-block)?(-start|-end)?\s*:\s*[`'"]?(-?[\d.]|auto\b)/ },
  // Gap in a flex block (grid gap came with Chromium 66): both in one declaration block or style object.
  {
    name: 'CSS gap in flex layout (also row-gap / column-gap)',
    chromium: 84,
    pattern: /display\s*:\s*[`'"]?(inline-)?flex\b[^{}]*?(?<![\w-])(row-|column-)?gap\s*:|(?<![\w-])(row-|column-)?gap\s*:[^{}]*?display\s*:\s*[`'"]?(inline-)?flex\b/,
  },
  { name: 'CSS aspect-ratio', chromium: 88, pattern: /(?<![\w-])aspect-ratio\s*:/ },
  { name: 'CSS @container', chromium: 105, pattern: /@container\b/ },
  { name: 'CSS color-mix()', chromium: 111, pattern: /\bcolor-mix\(/ },
  { name: 'CSS dynamic viewport units (dvh/svh/lvh)', chromium: 108, pattern: /\d(d|s|l)v(h|w)\b/ },
];

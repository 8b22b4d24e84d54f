/**
 * Reading field text as typed values (fields.md: types and accepted forms). A text that cannot be
 * read as its type is reported as unreadable — never guessed.
 */
import type { FieldType } from '../fields';
import { daysInMonth, formatWall, wall, type WallTime } from '../periods/time';

export type ParsedValue =
  | { type: 'datetime' | 'date'; value: WallTime }
  | { type: 'amount' | 'int'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'list'; value: string[] }
  | { type: 'enum' | 'text'; value: string };

export type ParseResult = { ok: true; parsed: ParsedValue } | { ok: false };

/** Full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const WIDE = /[\uff01-\uff5e\u3000]/;
const SPACES = /\s{2,}|[\t\n\r\f\v\u00a0]/;
/** Anything normalising could change: white space of any kind, full-width forms. */
const ANY_CHANGE = /[\s\uff01-\uff5e]/;

/** White space collapsed and trimmed, full-width folded. */
export function normalizeText(s: string): string {
  if (!ANY_CHANGE.test(s)) return s;
  const half = WIDE.test(s) ? toHalfWidth(s) : s;
  return (SPACES.test(half) ? half.replace(/\s+/g, ' ') : half).trim();
}

const DATE_RE =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*(?::|时|点)\s*(\d{1,2})\s*分?(?:\s*(?::)?\s*(\d{1,2})\s*秒?)?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/;

/** A wall time from its parts, or null where a part is out of range (h undefined: a date alone). */
function wallTimeOf(y: number, mo: number, d: number, h: number | undefined, min: number, sec: number): WallTime | null {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h === undefined) return { ms: wall(y, mo, d), dateOnly: true };
  // 24:00 is a common way of writing the end of a day.
  if (h === 24 && min === 0 && sec === 0) return { ms: wall(y, mo, d + 1), dateOnly: false };
  if (h > 23 || min > 59 || sec > 59) return null;
  return { ms: wall(y, mo, d, h, min), dateOnly: false };
}

/** The number written by `length` ASCII digits at `at`, or -1. */
function digitsAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `2024-03-05` and `2024-03-05 14:30` exactly — how most systems write them — read without the
 * general pattern; undefined for any other text (the general pattern decides). Same ranges.
 */
function canonicalDateTime(s: string): WallTime | null | undefined {
  const n = s.length;
  if ((n !== 10 && n !== 16) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  if (n === 10) return wallTimeOf(y, mo, d, undefined, 0, 0);
  if (s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58) return undefined;
  const h = digitsAt(s, 11, 2);
  const min = digitsAt(s, 14, 2);
  if (h < 0 || min < 0) return undefined;
  return wallTimeOf(y, mo, d, h, min, 0);
}

export function parseDateTime(text: string): WallTime | null {
  const canonical = canonicalDateTime(text);
  if (canonical !== undefined) return canonical;
  const s = normalizeText(text);
  const m = DATE_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (!m) return null;
  return wallTimeOf(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Small Chinese numerals as written in forms: 三, 十五, 二十, 三十. */
function parseChineseInt(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (DIGITS[s] ?? null) : null;
  const tens = ten === 0 ? 1 : (DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (DIGITS[s.slice(ten + 1)] ?? NaN);
  const n = tens * 10 + ones;
  return Number.isFinite(n) ? n : null;
}

export function parseAmount(text: string): number | null {
  let s = normalizeText(text).replace(/^(人民币|RMB)/i, '').replace(/[￥¥,，\s]/g, '');
  let factor = 1;
  s = s.replace(/元(整)?$/, '');
  if (s.endsWith('万')) {
    factor = 10_000;
    s = s.slice(0, -1);
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * factor * 100) / 100;
}

export function parseInt10(text: string): number | null {
  const s = normalizeText(text).replace(/\s/g, '').replace(/(日|天|次|份|个|人)$/, '');
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseInt(s);
}

const TRUE_WORDS = new Set(['是', '有', '已', '已告知', '已审批', '已批准', '√', '✓', 'true', '1', 'yes', 'y', 'on', 'checked']);
const FALSE_WORDS = new Set(['否', '无', '未', '未告知', '未审批', '未批准', '×', '✗', 'false', '0', 'no', 'n', 'off']);

export function parseBool(text: string): boolean | null {
  // Most pages write exactly 是 or 否: answered before any normalising.
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  const s = normalizeText(text).replace(/\s/g, '').toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

export function parseList(text: string): string[] {
  return normalizeText(text)
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

const formatAmount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The value as the result's `fields` show it: `2024-03-05 14:30`, `3000`, `是`, names joined by `、`. */
export function normalizedText(v: ParsedValue): string {
  switch (v.type) {
    case 'datetime':
    case 'date':
      return formatWall(v.value.ms, v.value.dateOnly);
    case 'amount':
      return formatAmount(v.value);
    case 'int':
      return String(v.value);
    case 'bool':
      return v.value ? '是' : '否';
    case 'list':
      return v.value.join('、');
    default:
      return v.value;
  }
}

/**
 * Reads a field's text as its type. Empty text is not handled here: the caller treats it as
 * "present but empty" (contracts.md §6).
 */
export function parseValue(type: FieldType, text: string): ParseResult {
  const parsed = parsedOrNull(type, text);
  return parsed ? { ok: true, parsed } : { ok: false };
}

/** The same, without the result wrapper (the engine parses every cell it reads). */
export function parsedOrNull(type: FieldType, text: string): ParsedValue | null {
  switch (type) {
    case 'datetime':
    case 'date': {
      const v = parseDateTime(text);
      if (!v) return null;
      // A date field carries no time even if a page appends one.
      return { type, value: type === 'date' ? { ms: v.ms - (v.ms % 86_400_000), dateOnly: true } : v };
    }
    case 'amount': {
      const v = parseAmount(text);
      return v === null ? null : { type, value: v };
    }
    case 'int': {
      const v = parseInt10(text);
      return v === null ? null : { type, value: v };
    }
    case 'bool': {
      const v = parseBool(text);
      return v === null ? null : { type, value: v };
    }
    case 'list':
      return { type, value: parseList(text) };
    case 'enum':
    case 'text':
      return { type, value: normalizeText(text) };
  }
}

/**
 * Characters that are never part of a value a person typed and that break reading it: Unicode
 * format characters (Cf: zero-width spaces and joiners, soft hyphen, bidi controls such as RLO,
 * word joiner, BOM …), NUL and lone surrogates. Rich-text fields and pasted text bring them in;
 * "2024-03-\u200b05 14:30" must read as the date it shows. Page reading strips them.
 */
const INVISIBLE_TEST = /[\p{Cf}\0\uD800-\uDFFF]/u;
const INVISIBLE = /[\p{Cf}\0\uD800-\uDFFF]/gu;

export function stripInvisible(s: string): string {
  return INVISIBLE_TEST.test(s) ? s.replace(INVISIBLE, '') : s;
}

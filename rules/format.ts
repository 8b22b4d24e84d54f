/** Numbers, durations and limits as the guideline writes them (ui.md: `26小时15分`, `3日`, `3,000元`). */
import type { PeriodSpec } from './periods';
import { DAY, HOUR, MINUTE } from './periods/time';

export type Locale = 'zh-CN' | 'en';

/** `26小时15分` / `26 h 15 min` — hours are not folded into days, as the law counts them. */
export function formatHours(ms: number, locale: Locale = 'zh-CN'): string {
  const total = Math.max(0, Math.round(ms / MINUTE));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (locale === 'en') return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
  return h && m ? `${h}小时${m}分` : h ? `${h}小时` : `${m}分钟`;
}

/** `2日3小时` / `2 d 3 h`. */
export function formatDays(ms: number, locale: Locale = 'zh-CN'): string {
  const total = Math.max(0, Math.round(ms / HOUR));
  const d = Math.floor(total / 24);
  const h = total % 24;
  if (!d) return formatHours(ms, locale);
  if (locale === 'en') return h ? `${d} d ${h} h` : `${d} d`;
  return h ? `${d}日${h}小时` : `${d}日`;
}

/**
 * How long, as the period counts it: hours for an hour period (`26小时15分`), days for longer ones
 * (`3日2小时`). From three days on, an hour period's delay is said in days too, and from 30 days
 * in whole days (`已超期1001日`): nobody reads a five-digit hour count.
 */
export function formatElapsed(ms: number, unit: PeriodSpec['unit'], locale: Locale = 'zh-CN'): string {
  if (ms < DAY || (unit === 'hour' && ms < 3 * DAY)) return formatHours(ms, locale);
  if (ms < 30 * DAY) return formatDays(ms, locale);
  const days = Math.floor(ms / DAY);
  return locale === 'en' ? `${days} days` : `${days}日`;
}

export function formatPeriod(p: { unit: PeriodSpec['unit']; amount: number; workingDays?: boolean }, locale: Locale = 'zh-CN'): string {
  const en = locale === 'en';
  switch (p.unit) {
    case 'hour':
      return en ? `${p.amount} hours` : `${p.amount}小时`;
    case 'day':
      if (p.workingDays) return en ? `${p.amount} working days` : `${p.amount}个工作日`;
      return en ? `${p.amount} days` : `${p.amount}日`;
    case 'month':
      return en ? `${p.amount} months` : `${p.amount}个月`;
    case 'year':
      return en ? `${p.amount} years` : `${p.amount}年`;
  }
}

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `3,000`, `1,234.5`: whole numbers grouped by hand (Intl is slow for a hot path), others by Intl. */
export function groupedNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return grouping.format(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** `3,000元` / `3,000 yuan`. */
export function formatAmount(n: number, locale: Locale = 'zh-CN'): string {
  const s = groupedNumber(n);
  return locale === 'en' ? `${s} yuan` : `${s}元`;
}

/** Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…): they reorder what is around them. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * A value read from the page, made safe to show inside a message (#16.7): format characters are
 * already stripped when it is read; one with right-to-left letters is isolated (U+2068 … U+2069)
 * so it cannot scramble the message's own text around it. Plain values stay as they are.
 */
export function isolate(value: string): string {
  return RIGHT_TO_LEFT.test(value) ? `\u2068${value}\u2069` : value;
}

/** A template split once into text and `{{name}}` parts (odd indexes are names). */
const compiled = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*([\w.]+)\s*\}\}/);
    if (compiled.size > 5000) compiled.clear(); // templates come from packs: a few hundred at most
    compiled.set(template, parts);
  }
  return parts;
}

/** Values of `{{name}}` placeholders; a function gives its value only when a template names it. */
export type TemplateData = Readonly<Record<string, string | number | (() => string)>>;

/** `{{name}}` placeholders, ESLint-style. Unknown names are left visible so a pack author sees them. */
export function interpolate(template: string, data: TemplateData): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    let value = data[name];
    // The data's own values only: a name like `constructor` must not reach Object.prototype.
    if (typeof value !== 'string' && typeof value !== 'number' && !Object.prototype.hasOwnProperty.call(data, name)) value = undefined;
    out += (value === undefined ? `{{${name}}}` : typeof value === 'function' ? value() : String(value)) + parts[i + 1]!;
  }
  return out;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 85 → 八十五, 105 → 一百零五, 110 → 一百一十, 200 → 二百 (article numbers in law titles). */
/** "（第2行）" for a finding on one of several rows; nothing where the page had one row. */
export function rowLabel(row: number | null | undefined, rows: number | null | undefined, tr: (zh: string, en: string) => string = (zh) => zh): string {
  if (row === null || row === undefined || (rows != null && rows <= 1)) return '';
  return tr(`（第${row + 1}行）`, ` (row ${row + 1})`);
}

export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return CN_DIGITS[n] ?? '';
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (CN_DIGITS[d] ?? '') + unit;
  });
  // 10–19 are written 十, 十一… at the start of a number.
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

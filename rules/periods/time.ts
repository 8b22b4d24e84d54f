/**
 * Wall-clock time. Case pages carry times without a zone; they are Beijing time (contracts.md §7).
 * We represent a wall time as the milliseconds of that same wall reading taken as UTC, so that all
 * calendar arithmetic uses the UTC getters and never depends on the computer's own time zone.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Beijing is UTC+8 all year (no daylight saving). */
export const BEIJING_OFFSET_MINUTES = 480;

export interface WallTime {
  /** Wall-clock milliseconds (the wall reading as if it were UTC). */
  ms: number;
  /** The page gave a date without a time of day. */
  dateOnly: boolean;
}

/**
 * The wall time of a calendar reading. Days, hours and minutes may run over (the 32nd, 24:00), as
 * with Date.UTC, which it equals; the days are counted by arithmetic (Date.UTC is slow for the
 * dates of every field on every keystroke), with Date.UTC left for years below 100 and months
 * outside 1–12.
 */
export function wall(y: number, m: number, d: number, h = 0, min = 0): number {
  if (y < 100 || m < 1 || m > 12) return Date.UTC(y, m - 1, d, h, min);
  // Days since 1970-01-01 of a proleptic Gregorian date, counted in 400-year eras from 1 March.
  const yearFromMarch = m <= 2 ? y - 1 : y;
  const era = Math.floor(yearFromMarch / 400);
  const yearOfEra = yearFromMarch - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) * DAY + h * HOUR + min * MINUTE;
}

/** The wall reading of an instant in a zone (default Beijing). */
export function instantToWall(instantMs: number, offsetMinutes = BEIJING_OFFSET_MINUTES): number {
  return instantMs + offsetMinutes * MINUTE;
}

export function wallToInstant(wallMs: number, offsetMinutes = BEIJING_OFFSET_MINUTES): number {
  return wallMs - offsetMinutes * MINUTE;
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function startOfHour(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR;
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `2024-03-05`. The calendar day of a wall time, by the inverse of `wall`'s arithmetic (findings
 * name dates in every message; a Date and its getters cost more than the rest of the message).
 * Years outside 1000–9999 go through Date, which also pads them its own way.
 */
export function formatDate(ms: number): string {
  const days = Math.floor(ms / DAY);
  // Days since 0000-03-01, split into 400-year eras, years of the era and days of the year.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999 || !Number.isFinite(ms)) {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2024-03-05 14:30` (or the date alone for a date-only value). */
export function formatWall(ms: number, dateOnly = false): string {
  if (dateOnly) return formatDate(ms);
  const minutes = Math.floor((ms - Math.floor(ms / DAY) * DAY) / MINUTE);
  return `${formatDate(ms)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A day-period deadline is exclusive midnight of the next day; people read it as 24:00 of the last day. */
export function formatDue(dueMs: number): string {
  if (dueMs % DAY === 0) return `${formatDate(dueMs - DAY)} 24:00`;
  return formatWall(dueMs);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month1 - 1] ?? 30;
}

/**
 * Months by SPCI 202 (最高人民法院关于适用《刑事诉讼法》的解释 第二百零二条): from a day of one month
 * to the same day of the month N later; from the last day of a month to the last day of the target
 * month; where the same day does not exist, to the last day of the target month.
 */
export function addMonths(dayMs: number, months: number): number {
  const d = new Date(dayMs);
  const y = d.getUTCFullYear();
  const m0 = d.getUTCMonth();
  const day = d.getUTCDate();
  const targetIndex = m0 + months;
  const ty = y + Math.floor(targetIndex / 12);
  const tm1 = (((targetIndex % 12) + 12) % 12) + 1;
  const lastOfStart = day === daysInMonth(y, m0 + 1);
  const lastOfTarget = daysInMonth(ty, tm1);
  const td = lastOfStart ? lastOfTarget : Math.min(day, lastOfTarget);
  return Date.UTC(ty, tm1 - 1, td);
}

export function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

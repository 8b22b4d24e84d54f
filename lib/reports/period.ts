/**
 * Report periods in Beijing time: days, weeks from Monday 00:00 to Sunday 24:00, months,
 * quarters and years, as epoch-ms instants [start, end).
 */
import { addMonths, DAY, formatDate, instantToWall, startOfDay, wall, wallToInstant } from '../../rules/periods/time';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** Inclusive start and exclusive end, epoch ms. */
  start: number;
  end: number;
  /** As people write it: 2026年第49周（2026年11月30日—12月6日）. */
  label: string;
  /** The same in English: Week 49 of 2026 (30 Nov – 6 Dec 2026). */
  labelEn: string;
}

/** A period's name in a locale. */
export const periodLabel = (p: Pick<Period, 'label' | 'labelEn'>, locale: 'zh-CN' | 'en' = 'zh-CN') => (locale === 'en' ? p.labelEn : p.label);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dm = (w: number) => {
  const d = new Date(w);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};

const wallDay = (instant: number) => startOfDay(instantToWall(instant));
const md = (w: number) => {
  const d = new Date(w);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

/** ISO week number of a wall day (Monday-based, week 1 holds the year's first Thursday). */
export function isoWeek(wallDayMs: number): { year: number; week: number } {
  const d = new Date(wallDayMs);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = wallDayMs + (3 - day) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const firstThursday = wall(year, 1, 4) + (3 - ((new Date(wall(year, 1, 4)).getUTCDay() + 6) % 7)) * DAY;
  return { year, week: 1 + Math.round((thursday - firstThursday) / (7 * DAY)) };
}

export function dayPeriod(instant: number): Period {
  const w = wallDay(instant);
  return { kind: 'day', start: wallToInstant(w), end: wallToInstant(w + DAY), label: formatDate(w), labelEn: formatDate(w) };
}

export function weekPeriod(instant: number): Period {
  const w = wallDay(instant);
  const monday = w - ((new Date(w).getUTCDay() + 6) % 7) * DAY;
  const { year, week } = isoWeek(monday);
  return {
    kind: 'week',
    start: wallToInstant(monday),
    end: wallToInstant(monday + 7 * DAY),
    label: `${year}年第${week}周（${new Date(monday).getUTCFullYear()}年${md(monday)}—${md(monday + 6 * DAY)}）`,
    labelEn: `Week ${week} of ${year} (${dm(monday)} – ${dm(monday + 6 * DAY)} ${new Date(monday + 6 * DAY).getUTCFullYear()})`,
  };
}

export function monthPeriod(instant: number): Period {
  const d = new Date(instantToWall(instant));
  const first = wall(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { kind: 'month', start: wallToInstant(first), end: wallToInstant(addMonths(first, 1)), label: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`, labelEn: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

export function quarterPeriod(instant: number): Period {
  const d = new Date(instantToWall(instant));
  const q = Math.floor(d.getUTCMonth() / 3);
  const first = wall(d.getUTCFullYear(), q * 3 + 1, 1);
  return { kind: 'quarter', start: wallToInstant(first), end: wallToInstant(addMonths(first, 3)), label: `${d.getUTCFullYear()}年第${'一二三四'[q]}季度`, labelEn: `Q${q + 1} ${d.getUTCFullYear()}` };
}

export function yearPeriod(instant: number): Period {
  const y = new Date(instantToWall(instant)).getUTCFullYear();
  return { kind: 'year', start: wallToInstant(wall(y, 1, 1)), end: wallToInstant(wall(y + 1, 1, 1)), label: `${y}年`, labelEn: String(y) };
}

export function periodOf(kind: PeriodKind, instant: number): Period {
  return { day: dayPeriod, week: weekPeriod, month: monthPeriod, quarter: quarterPeriod, year: yearPeriod }[kind](instant);
}

/** The period just before. */
export function previous(p: Period): Period {
  return periodOf(p.kind, p.start - 1);
}

/** The n periods ending with p, oldest first. */
export function lastPeriods(p: Period, n: number): Period[] {
  const out = [p];
  while (out.length < n) out.unshift(previous(out[0]!));
  return out;
}

export const within = (t: number | null | undefined, p: Period) => t !== null && t !== undefined && t >= p.start && t < p.end;

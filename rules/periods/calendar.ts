/**
 * Working days in mainland China: weekends and public holidays are non-working, except the
 * weekend days made working days by 调休. The data comes from the maintained `chinese-days`
 * package (State Council announcements); a newer year can be loaded from a file.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { z } from '../zod';
import { DAY, formatDate, yearOf } from './time';

const DayMap = z.union([
  z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 YYYY-MM-DD'), z.string()),
  z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 YYYY-MM-DD')),
]);

/** The file format for a newer calendar: the same shape as chinese-days' own JSON. */
export const CalendarFileSchema = z.strictObject({
  holidays: DayMap,
  workdays: DayMap,
  /** Years the file fully covers; defaults to every year named in `holidays`. */
  years: z.array(z.number().int().min(2000).max(2200)).optional(),
});
export type CalendarFile = z.infer<typeof CalendarFileSchema>;

const keysOf = (m: z.infer<typeof DayMap>) => (Array.isArray(m) ? m : Object.keys(m));

export interface DayStatus {
  working: boolean;
  /** false when the day's year is outside the calendar's data: weekends only, holidays unknown. */
  covered: boolean;
}

export class HolidayCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Set<number>();

  constructor(files: CalendarFile[] = []) {
    for (const file of files) this.add(file);
  }

  /** Adds (or replaces) the years a file covers. */
  add(file: CalendarFile): void {
    const holidays = keysOf(file.holidays);
    const workdays = keysOf(file.workdays);
    const years = new Set(file.years ?? holidays.map((d) => Number(d.slice(0, 4))));
    for (const set of [this.holidays, this.workdays]) {
      for (const d of [...set]) if (years.has(Number(d.slice(0, 4)))) set.delete(d);
    }
    for (const d of holidays) this.holidays.add(d);
    for (const d of workdays) this.workdays.add(d);
    for (const y of years) this.years.add(y);
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** The holidays and adjusted working days of one year (sorted dates). */
  daysOf(year: number): { holidays: string[]; workdays: string[] } {
    const of = (set: Set<string>) => [...set].filter((d) => Number(d.slice(0, 4)) === year).sort();
    return { holidays: of(this.holidays), workdays: of(this.workdays) };
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  status(dayMs: number): DayStatus {
    const key = formatDate(dayMs);
    const covered = this.years.has(yearOf(dayMs));
    if (this.workdays.has(key)) return { working: true, covered };
    if (this.holidays.has(key)) return { working: false, covered };
    const weekday = new Date(dayMs).getUTCDay();
    return { working: weekday !== 0 && weekday !== 6, covered };
  }

  /** The first working day on or after `dayMs`, with the years consulted that the data lacks. */
  firstWorkingDayFrom(dayMs: number, uncovered: Set<number>): number {
    let d = dayMs;
    for (let i = 0; i < 60; i++, d += DAY) {
      const s = this.status(d);
      if (!s.covered) uncovered.add(yearOf(d));
      if (s.working) return d;
    }
    return d;
  }
}

export function parseCalendarFile(input: unknown): CalendarFile {
  return CalendarFileSchema.parse(input);
}

/** The bundled data (chinese-days): the years it covers are the release's. */
export const BUNDLED_CALENDAR: CalendarFile = { holidays: data.holidays as Record<string, string>, workdays: data.workdays as Record<string, string> };

export const defaultCalendar = new HolidayCalendar([BUNDLED_CALENDAR]);

/** The bundled data with the years imported by the user (or IT) laid over it. */
export function calendarWith(imported: readonly CalendarFile[]): HolidayCalendar {
  return imported.length ? new HolidayCalendar([BUNDLED_CALENDAR, ...imported]) : defaultCalendar;
}

/**
 * A year of the State Council's arrangement has 22–33 days off and 5–12 adjusted working days
 * (2004–2026). A file far outside that is not an arrangement: refused before it can replace a year.
 */
const PLAUSIBLE = { holidays: [15, 45], workdays: [0, 20] } as const;

const isRealDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
};

/**
 * What is wrong with a calendar file that has the right shape (CalendarFileSchema): dates that do
 * not exist, dates outside the years it declares, years with an implausible number of days off.
 * Each problem by path, in Chinese (the options page shows them as they are).
 */
export function calendarFileProblems(file: CalendarFile): string[] {
  const out: string[] = [];
  const holidays = keysOf(file.holidays);
  const workdays = keysOf(file.workdays);
  const years = new Set(file.years ?? holidays.map((d) => Number(d.slice(0, 4))));
  if (!years.size) out.push('holidays: 文件没有任何节假日，不覆盖任何年份');
  for (const [kind, days] of [['holidays', holidays], ['workdays', workdays]] as const) {
    for (const d of days) {
      if (!isRealDate(d)) out.push(`${kind}.${d}: 不存在的日期`);
      else if (!years.has(Number(d.slice(0, 4)))) out.push(`${kind}.${d}: 不在文件所述年份（${[...years].join('、')}）之内`);
    }
  }
  for (const y of [...years].sort()) {
    const count = (days: string[]) => days.filter((d) => Number(d.slice(0, 4)) === y).length;
    const [h, w] = [count(holidays), count(workdays)];
    if (h < PLAUSIBLE.holidays[0] || h > PLAUSIBLE.holidays[1]) {
      out.push(`holidays: ${y} 年有 ${h} 天节假日，不像国务院办公厅公布的安排（通常 ${PLAUSIBLE.holidays[0]}–${PLAUSIBLE.holidays[1]} 天）`);
    }
    if (w > PLAUSIBLE.workdays[1]) out.push(`workdays: ${y} 年有 ${w} 天调休上班，不像公布的安排（通常不超过 ${PLAUSIBLE.workdays[1]} 天）`);
  }
  return out;
}

export interface CalendarChange {
  year: number;
  holidays: number;
  workdays: number;
  /** Days that become days off / working days, and those that stop being so, against the calendar in force. */
  holidaysAdded: string[];
  holidaysRemoved: string[];
  workdaysAdded: string[];
  workdaysRemoved: string[];
}

/** What importing the file would change in the calendar in force, year by year (the preview). */
export function calendarChanges(current: HolidayCalendar, file: CalendarFile): CalendarChange[] {
  const next = new HolidayCalendar([file]);
  return next.coveredYears().map((year) => {
    const [before, after] = [current.daysOf(year), next.daysOf(year)];
    const minus = (a: string[], b: string[]) => a.filter((d) => !b.includes(d));
    return {
      year,
      holidays: after.holidays.length,
      workdays: after.workdays.length,
      holidaysAdded: minus(after.holidays, before.holidays),
      holidaysRemoved: minus(before.holidays, after.holidays),
      workdaysAdded: minus(after.workdays, before.workdays),
      workdaysRemoved: minus(before.workdays, after.workdays),
    };
  });
}

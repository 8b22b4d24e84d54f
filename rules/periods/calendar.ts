/**
 * Working days in mainland China: weekends and public holidays are non-working, except the
 * weekend days made working days by 调休. The data comes from the maintained `chinese-days`
 * package (State Council announcements); a newer year can be loaded from a file.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { z } from '../zod';
import { DAY, formatDate, yearOf } from './time';

const DayMap = z.union([
  z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'), z.string()),
  z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')),
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

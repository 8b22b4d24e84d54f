/**
 * Working days in mainland China: weekends and public holidays are non-working, except the
 * weekend days made working days by 调休. The calendar is built from files in chinese-days' shape
 * (calendar-file.ts): the bundled data (bundled-calendar.ts) and newer years loaded by the user, IT
 * or the hub. This module holds no data and no schema: the content script gets the files it needs.
 */
import type { CalendarFile } from './calendar-file';
import { DAY, formatDate, yearOf } from './time';

export type { CalendarFile };

export const keysOf = (m: CalendarFile['holidays']): string[] => (Array.isArray(m) ? m : Object.keys(m));

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


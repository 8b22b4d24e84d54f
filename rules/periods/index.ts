/**
 * Legal period arithmetic (guideline.md "How periods are counted"):
 * - CPL 105 / APR 35: the starting hour or day is not counted; a day period ends at 24:00 of its
 *   last day; a last day that is not a working day rolls over to the next working day, except for
 *   periods in custody (羁押、限制人身自由期间), which never extend.
 * - Hours: strict reading = elapsed time; literal end = the start's full hour + 1 h + N h.
 * - Months: SPCI 202 (see `addMonths`).
 * - APL 85 / AEL 69: some short periods are counted in working days.
 */
import type { HolidayCalendar } from './calendar';
import { addMonths, DAY, HOUR, startOfDay, startOfHour, type WallTime } from './time';

export type PeriodUnit = 'hour' | 'day' | 'month' | 'year';

export interface PeriodSpec {
  unit: PeriodUnit;
  amount: number;
  /** In custody or deprived of liberty: the end never rolls over a holiday. */
  custody?: boolean;
  /** Count working days only (APL 85, AEL 69). Day periods only. */
  workingDays?: boolean;
}

export interface PeriodEnd {
  /** Exclusive end (wall ms): an act strictly before this instant is in time. */
  due: number;
  /** Hours only: start + N h, the elapsed-time reading practice uses. Equal to `due` otherwise. */
  strictEnd: number;
  /** Calendar years the roll-over consulted that the holiday data does not cover. */
  uncoveredYears: number[];
}

const NONE: number[] = [];

/** A last day that is not a working day moves to the next one, except in custody. */
function rollOver(lastDay: number, spec: PeriodSpec, calendar: HolidayCalendar, uncovered: Set<number>): number {
  return spec.custody ? lastDay : calendar.firstWorkingDayFrom(lastDay, uncovered);
}

export function periodEnd(start: WallTime, spec: PeriodSpec, calendar: HolidayCalendar): PeriodEnd {
  const day0 = startOfDay(start.ms);
  if (spec.unit === 'hour') {
    // Hours: no calendar. A date without a time: the whole starting day is not counted (by 24:00
    // of the next day for 24 h).
    if (start.dateOnly) {
      const due = day0 + DAY + spec.amount * HOUR;
      return { due, strictEnd: due, uncoveredYears: NONE };
    }
    return { due: startOfHour(start.ms) + HOUR + spec.amount * HOUR, strictEnd: start.ms + spec.amount * HOUR, uncoveredYears: NONE };
  }
  const uncovered = new Set<number>(); // almost always empty: only years beyond the calendar's data
  let last: number;
  if (spec.unit === 'day') {
    if (spec.workingDays) {
      last = day0;
      for (let i = 0; i < spec.amount; i++) last = calendar.firstWorkingDayFrom(last + DAY, uncovered);
    } else {
      last = rollOver(day0 + spec.amount * DAY, spec, calendar, uncovered);
    }
  } else {
    const months = spec.unit === 'year' ? spec.amount * 12 : spec.amount;
    // Half a month is 15 days (SPCI 202).
    const whole = Math.trunc(months);
    last = addMonths(day0, whole);
    if (months !== whole) last += Math.round((months - whole) * 30) * DAY;
    last = rollOver(last, spec, calendar, uncovered);
  }
  const due = last + DAY;
  return { due, strictEnd: due, uncoveredYears: uncovered.size ? [...uncovered].sort() : NONE };
}

/** The latest instant a closing value can mean (for how late it was). */
export function closingLatest(v: WallTime): number {
  return v.dateOnly ? v.ms + DAY : v.ms;
}

/** The length of the due-soon window: the last quarter of the period, at most 24 h (期限预警). */
export function dueSoonWindow(startMs: number, due: number, capHours = 24): number {
  return Math.min((due - startMs) / 4, capHours * HOUR);
}

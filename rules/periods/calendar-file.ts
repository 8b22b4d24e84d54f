/**
 * A holiday calendar file — the shape of chinese-days' own JSON — as imported from the options page,
 * pushed by policy or served by the hub: its schema, what is wrong with one that has the right shape,
 * and what importing it would change (the preview).
 */
import { z } from '../zod';
import { HolidayCalendar, keysOf } from './calendar';

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

export function parseCalendarFile(input: unknown): CalendarFile {
  return CalendarFileSchema.parse(input);
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

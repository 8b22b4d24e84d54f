/**
 * The holiday data bundled with CaseLint (the maintained chinese-days package, State Council
 * announcements): the years it covers are the release's. Pages of the extension and the worker use
 * it; the content script is handed the calendar files by the worker instead of bundling them.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { HolidayCalendar, type CalendarFile } from './calendar';

export const BUNDLED_CALENDAR: CalendarFile = { holidays: data.holidays as Record<string, string>, workdays: data.workdays as Record<string, string> };

export const defaultCalendar = new HolidayCalendar([BUNDLED_CALENDAR]);

/** The bundled data with the years imported by the user (or IT) laid over it. */
export function calendarWith(imported: readonly CalendarFile[]): HolidayCalendar {
  return imported.length ? new HolidayCalendar([BUNDLED_CALENDAR, ...imported]) : defaultCalendar;
}


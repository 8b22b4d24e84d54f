/** A holiday file cannot replace a year with garbage (#16.8): real dates, inside its years, plausible counts; and its preview. */
import { describe, expect, it } from 'vitest';
import { calendarChanges, calendarFileProblems, type CalendarFile } from '../../rules/periods/calendar-file';
import { defaultCalendar } from '../../rules/periods/bundled-calendar';

/** A realistic year: the days off of the 2026 arrangement, moved to another year. */
function yearLike(year: number): CalendarFile {
  const { holidays, workdays } = defaultCalendar.daysOf(2026);
  const move = (d: string) => `${year}${d.slice(4)}`;
  return { holidays: holidays.map(move), workdays: workdays.map(move), years: [year] };
}

describe('holiday file checks', () => {
  it('accepts a year shaped like a real arrangement', () => {
    expect(calendarFileProblems(yearLike(2031))).toEqual([]);
  });
  it('refuses dates that do not exist', () => {
    expect(calendarFileProblems({ holidays: { '2026-13-45': '乱码' }, workdays: {} })).toContain('holidays.2026-13-45: 不存在的日期');
  });
  it('refuses an empty year that would wipe the holidays of 2026 (2026-10-01 a working day)', () => {
    const problems = calendarFileProblems({ holidays: [], workdays: [], years: [2026] });
    expect(problems).toContainEqual(expect.stringContaining('2026 年有 0 天节假日'));
  });
  it('refuses dates outside the years the file declares', () => {
    const file = yearLike(2031);
    (file.holidays as string[]).push('2032-01-01');
    expect(calendarFileProblems(file)).toContain('holidays.2032-01-01: 不在文件所述年份（2031）之内');
  });
  it('refuses a file that names no holiday at all', () => {
    expect(calendarFileProblems({ holidays: {}, workdays: {} })).toContain('holidays: 文件没有任何节假日，不覆盖任何年份');
  });
});

describe('holiday file preview', () => {
  it('a new year: every day is new', () => {
    const [c] = calendarChanges(defaultCalendar, yearLike(2031));
    expect(c).toMatchObject({ year: 2031, holidays: 33, holidaysRemoved: [] });
    expect(c!.holidaysAdded).toHaveLength(33);
  });
  it('a year in force: what changes against it', () => {
    const file = yearLike(2026);
    file.holidays = (file.holidays as string[]).filter((d) => d !== '2026-10-07');
    const [c] = calendarChanges(defaultCalendar, file);
    expect(c!.holidaysRemoved).toEqual(['2026-10-07']);
    expect(c!.holidaysAdded).toEqual([]);
  });
});

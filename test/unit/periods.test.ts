/**
 * Legal period arithmetic: a table of cases computed by hand from CPL 105 / APR 35 / SPCI 202 /
 * APL 85 and the State Council's holiday notices (2024 National Day: 10-01..07 off, 09-29 and
 * 10-12 working; 2026 Spring Festival: 02-15..23 off, 02-14 and 02-28 working).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HolidayCalendar } from '../../rules/periods/calendar';
import { parseCalendarFile } from '../../rules/periods/calendar-file';
import { defaultCalendar } from '../../rules/periods/bundled-calendar';
import { periodEnd, type PeriodSpec } from '../../rules/periods';
import { addMonths, formatDate, formatDue, formatWall, wall } from '../../rules/periods/time';
import { parseDateTime } from '../../rules/values/parse';

const t = (s: string) => parseDateTime(s)!;

type Row = [start: string, spec: PeriodSpec, due: string, note: string, strict?: string];

const h = (amount: number): PeriodSpec => ({ unit: 'hour', amount, custody: true });
const d = (amount: number, extra: Partial<PeriodSpec> = {}): PeriodSpec => ({ unit: 'day', amount, ...extra });
const m = (amount: number, extra: Partial<PeriodSpec> = {}): PeriodSpec => ({ unit: 'month', amount, ...extra });

const TABLE: Row[] = [
  // Hours: literal end = the start's full hour + 1 h + N h; strict end = start + N h.
  ['2024-03-05 14:30', h(24), '2024-03-06 15:00', '24小时，开始的时不计', '2024-03-06 14:30'],
  ['2024-03-05 14:00', h(24), '2024-03-06 15:00', '整点开始同样不计该小时', '2024-03-06 14:00'],
  ['2024-03-05 23:59', h(24), '2024-03-06 24:00', '跨日', '2024-03-06 23:59'],
  ['2024-03-05 09:30', h(12), '2024-03-05 22:00', '传唤12小时', '2024-03-05 21:30'],
  ['2024-03-05 09:30', h(8), '2024-03-05 18:00', '询问查证8小时', '2024-03-05 17:30'],
  ['2024-02-28 20:10', h(24), '2024-02-29 21:00', '闰年二月', '2024-02-29 20:10'],
  ['2023-02-28 20:10', h(24), '2023-03-01 21:00', '平年二月', '2023-03-01 20:10'],
  ['2024-09-30 18:00', h(24), '2024-10-01 19:00', '小时期间不因国庆顺延', '2024-10-01 18:00'],
  ['2024-03-05', { unit: 'hour', amount: 24 }, '2024-03-06 24:00', '只有日期：至次日24时', '2024-03-06 24:00'],
  ['2024-12-31 23:30', h(24), '2025-01-01 24:00', '跨年', '2025-01-01 23:30'],
  // Days: the start day is not counted; ends 24:00 of the last day; holidays roll over.
  ['2024-03-04 10:00', d(3), '2024-03-07 24:00', '三日，周四为工作日'],
  ['2024-03-06 10:00', d(3), '2024-03-11 24:00', '期满日周六，顺延至周一'],
  ['2024-03-07 10:00', d(3), '2024-03-11 24:00', '期满日周日，顺延至周一'],
  ['2024-09-28 10:00', d(3), '2024-10-08 24:00', '期满日10月1日，国庆假期顺延至10月8日'],
  ['2024-09-26 10:00', d(3), '2024-09-29 24:00', '9月29日周日为调休工作日，不顺延'],
  ['2024-10-09 10:00', d(3), '2024-10-12 24:00', '10月12日周六为调休工作日'],
  ['2024-10-05 10:00', d(2), '2024-10-08 24:00', '假期中起算，期满于假期内'],
  ['2026-02-13 15:00', d(2), '2026-02-24 24:00', '2026年春节：2月15日起放假至23日'],
  ['2026-02-12 15:00', d(2), '2026-02-14 24:00', '2月14日周六为春节调休工作日'],
  ['2026-02-20 09:00', d(3), '2026-02-24 24:00', '春节假期中起算'],
  ['2026-02-26 09:00', d(2), '2026-02-28 24:00', '2月28日周六为调休工作日'],
  ['2024-03-05 14:30', d(3, { custody: true }), '2024-03-08 24:00', '羁押期间三日'],
  ['2024-09-28 10:00', d(3, { custody: true }), '2024-10-01 24:00', '羁押期间不因国庆顺延'],
  ['2026-02-12 10:00', d(3, { custody: true }), '2026-02-15 24:00', '羁押期间不因春节顺延'],
  ['2024-03-05 14:30', d(30, { custody: true }), '2024-04-04 24:00', '三十日延长，羁押不顺延（清明）'],
  ['2024-03-05 09:00', d(30), '2024-04-07 24:00', '30日期满于清明假期，顺延至4月7日（调休工作日）'],
  ['2024-04-12 09:00', d(30), '2024-05-13 24:00', '5月12日周日，顺延至13日'],
  ['2024-03-30 09:00', d(30), '2024-04-29 24:00', '跨月'],
  ['2024-02-28 09:00', d(2), '2024-03-01 24:00', '闰年：28日+2日=3月1日'],
  ['2023-02-28 09:00', d(2), '2023-03-02 24:00', '平年：28日+2日=3月2日'],
  // Working days (APL 85): 7 working days.
  ['2024-09-27 15:00', d(7, { workingDays: true }), '2024-10-12 24:00', '七个工作日跨国庆（含调休日）'],
  ['2024-03-04 10:00', d(7, { workingDays: true }), '2024-03-13 24:00', '七个工作日跨一个周末'],
  ['2026-02-11 10:00', d(7, { workingDays: true }), '2026-02-27 24:00', '七个工作日跨春节'],
  // Months (SPCI 202): to the same day; from a month's last day to the last day; missing day → last day.
  ['2024-03-05', m(12), '2025-03-05 24:00', '十二个月到同日'],
  ['2023-08-31', m(6), '2024-02-29 24:00', '月末起算到二月末（闰年）'],
  ['2022-08-31', m(6), '2023-02-28 24:00', '月末起算到二月末（平年）'],
  ['2024-01-30', m(1), '2024-02-29 24:00', '1月30日加一月：无30日，取月末'],
  ['2024-02-29', m(12), '2025-02-28 24:00', '闰日起算：二月末到二月末'],
  ['2024-04-30', m(1), '2024-05-31 24:00', '4月末到5月末'],
  ['2024-03-05', m(6), '2024-09-05 24:00', '六个月'],
  ['2024-03-06', m(6), '2024-09-06 24:00', '期满日为周五'],
  ['2024-03-07', m(6), '2024-09-09 24:00', '期满日周六，顺延至周一'],
  ['2024-04-01', m(6), '2024-10-08 24:00', '期满日10月1日，顺延至10月8日'],
  ['2024-04-01', m(6, { custody: true }), '2024-10-01 24:00', '羁押性质的月期间不顺延'],
  ['2023-09-01 20:00', m(6), '2024-03-01 24:00', '治安案件六个月追究时效'],
  ['2024-03-05', { unit: 'year', amount: 2 }, '2026-03-05 24:00', '二年'],
  ['2024-03-05', { unit: 'month', amount: 0.5, custody: true }, '2024-03-20 24:00', '半个月按15日'],
];

describe('periodEnd', () => {
  it('has at least 40 hand-computed cases', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
  for (const [start, spec, due, note, strict] of TABLE) {
    it(`${start} + ${spec.amount}${spec.unit}${spec.custody ? '（羁押）' : ''}${spec.workingDays ? '（工作日）' : ''} → ${due}：${note}`, () => {
      const end = periodEnd(t(start), spec, defaultCalendar);
      expect(formatDue(end.due)).toBe(due);
      if (strict) expect(formatDue(end.strictEnd)).toBe(strict);
      expect(end.uncoveredYears).toEqual([]);
    });
  }
});

describe('calendar coverage', () => {
  it('covers the years of the chinese-days data, 2004 to 2026', () => {
    const years = defaultCalendar.coveredYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2024);
    expect(years).toContain(2026);
  });

  it('says which year it lacks when a roll-over needs a day outside its data', () => {
    const end = periodEnd(t('2027-09-29 10:00'), d(3), defaultCalendar);
    expect(end.uncoveredYears).toEqual([2027]);
    // Without data, only weekends roll over: 2027-10-02 is a Saturday → Monday 10-04.
    expect(formatDue(end.due)).toBe('2027-10-04 24:00');
  });

  it('custody periods and hours never consult the calendar', () => {
    expect(periodEnd(t('2027-09-29 10:00'), d(3, { custody: true }), defaultCalendar).uncoveredYears).toEqual([]);
    expect(periodEnd(t('2030-01-01 10:00'), h(24), defaultCalendar).uncoveredYears).toEqual([]);
  });

  it('loads a newer year from a file (same shape as chinese-days)', () => {
    const cal = new HolidayCalendar([]);
    cal.add(
      parseCalendarFile({
        holidays: { '2027-10-01': '国庆节', '2027-10-02': '国庆节', '2027-10-03': '国庆节', '2027-10-04': '国庆节', '2027-10-05': '国庆节', '2027-10-06': '国庆节', '2027-10-07': '国庆节' },
        workdays: ['2027-09-26', '2027-10-09'],
      }),
    );
    expect(cal.coveredYears()).toEqual([2027]);
    const end = periodEnd(t('2027-09-29 10:00'), d(3), cal);
    expect(end.uncoveredYears).toEqual([]);
    expect(formatDue(end.due)).toBe('2027-10-08 24:00');
  });

  it('rejects a malformed calendar file with the path of the error', () => {
    expect(() => parseCalendarFile({ holidays: { '2027-13-01x': '?' }, workdays: [] })).toThrow(/holidays/);
    expect(() => parseCalendarFile({ holidays: {}, workdays: [], extra: 1 })).toThrow(/extra/);
  });
});

describe('time helpers', () => {
  it('formats wall times and due times', () => {
    expect(formatWall(t('2024-03-05 14:30').ms)).toBe('2024-03-05 14:30');
    expect(formatDue(t('2024-03-06 00:00').ms)).toBe('2024-03-05 24:00');
  });
  it('adds months by SPCI 202 across year ends', () => {
    expect(formatDate(addMonths(t('2024-11-30').ms, 3))).toBe('2025-02-28');
    expect(formatDate(addMonths(t('2024-12-15').ms, 1))).toBe('2025-01-15');
  });
});

describe('wall', () => {
  it('equals Date.UTC for every reading the parsers and periods make, overflowing days and hours included (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 59 }),
        (y, m, d, h, min) => {
          expect(wall(y, m, d, h, min)).toBe(Date.UTC(y, m - 1, d, h, min));
        },
      ),
      { numRuns: 5000 },
    );
    expect(wall(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29));
    expect(wall(2100, 3, 1)).toBe(Date.UTC(2100, 2, 1));
  });
});

describe('formatDate and formatWall', () => {
  // The reading a Date's UTC getters give: what the arithmetic must agree with.
  const byDate = (ms: number, dateOnly = false) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, '0');
    const day = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
    return dateOnly ? day : `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  };
  it('give what the Date getters give for any minute of years 1000–9999, before 1970 included (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1) / 60_000, max: Date.UTC(9999, 11, 31, 23, 59) / 60_000 }), fc.boolean(), (minute, dateOnly) => {
        const ms = minute * 60_000;
        expect(formatWall(ms, dateOnly)).toBe(byDate(ms, dateOnly));
      }),
      { numRuns: 5000 },
    );
  });
  it('read month ends, leap days and century years right', () => {
    for (const [y, m, d] of [
      [2024, 2, 29], [2023, 2, 28], [2023, 3, 1], [2000, 2, 29], [2100, 2, 28], [2100, 3, 1], [1969, 12, 31], [1970, 1, 1], [2026, 12, 31], [1600, 2, 29],
    ] as const) {
      const ms = Date.UTC(y, m - 1, d, 23, 59);
      expect(formatWall(ms)).toBe(byDate(ms));
      expect(formatDate(ms)).toBe(byDate(ms, true));
    }
    expect(formatWall(Date.UTC(2024, 2, 5, 14, 30))).toBe('2024-03-05 14:30');
  });
  it('leave years outside 1000–9999 to Date', () => {
    const ms = Date.UTC(2024, 0, 1) - 2024 * 365.25 * 86_400_000 + 5 * 86_400_000;
    expect(formatDate(ms)).toBe(byDate(ms, true));
  });
});

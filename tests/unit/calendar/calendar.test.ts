import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, addWorkingDays, ageOn, bankHolidays, daysBetween, dayOfWeek, isBankHoliday, isWorkingDay,
} from '../../../shared/domain/calendar/index.ts';
import { parseUkDate } from '../../../shared/domain/ssda903/dates.ts';

describe('England and Wales bank holidays (date-holidays GB/ENG, public only)', () => {
  it.each([
    ['2025-04-18', 'Good Friday 2025'],
    ['2025-04-21', 'Easter Monday 2025'],
    ['2024-03-29', 'Good Friday 2024 (in March)'],
    ['2024-04-01', 'Easter Monday 2024 = first day of collection year 2024-25'],
    ['2027-03-26', 'Good Friday 2027'],
    ['2027-03-29', 'Easter Monday 2027'],
    ['2021-12-27', 'Christmas Day substitute 2021 (25th a Saturday)'],
    ['2021-12-28', 'Boxing Day substitute 2021 (26th a Sunday)'],
    ['2027-12-27', 'Christmas Day substitute 2027'],
    ['2027-12-28', 'Boxing Day substitute 2027'],
    ['2026-12-28', 'Boxing Day substitute 2026 (26th a Saturday)'],
    ['2022-01-03', 'New Year substitute 2022'],
    ['2022-12-27', 'Christmas substitute 2022 (25th a Sunday, 26th Boxing Day)'],
    ['2020-05-08', 'VE day 2020 (early May holiday moved)'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'State Funeral'],
    ['2023-05-08', 'Coronation'],
    ['2011-04-29', 'Royal Wedding (package correction)'],
    ['2012-06-04', 'Spring bank holiday moved 2012 (package correction)'],
    ['2012-06-05', 'Diamond Jubilee'],
    ['2002-06-04', 'Spring bank holiday moved 2002 (package correction)'],
    ['1999-12-31', 'Millennium (package correction)'],
  ])('%s is a bank holiday (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2025-04-20', 'Easter Sunday is an observance, not a bank holiday (and a Sunday)'],
    ['2025-03-30', "Mother's Day (observance)"],
    ['2020-05-04', 'the usual early May Monday was moved in 2020'],
    ['2012-05-28', 'the usual Spring bank holiday Monday was moved in 2012'],
    ['2027-12-24', 'Christmas Eve is not a bank holiday'],
    ['2025-12-24', 'Christmas Eve is not a bank holiday'],
  ])('%s is not a bank holiday (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });

  it('2025 has the 8 usual England and Wales bank holidays', () => {
    expect([...bankHolidays(2025)].sort()).toEqual([
      '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    ]);
  });
});

describe('working days: n-th working day after the start, start day not counted (reg. 33)', () => {
  it('a plain month: Mon 3 Mar 2025 + 20 = Mon 31 Mar 2025 (four whole weeks)', () => {
    expect(addWorkingDays('2025-03-03', 20)).toBe('2025-03-31');
  });
  it('start day is not counted even when it is a working day: Mon + 1 = Tue', () => {
    expect(addWorkingDays('2025-03-03', 1)).toBe('2025-03-04');
  });
  it('starting on a Saturday: Sat 1 Mar 2025 + 20 = Fri 28 Mar (Mon 3 Mar is day 1)', () => {
    expect(addWorkingDays('2025-03-01', 20)).toBe('2025-03-28');
  });
  it('Easter 2025: Thu 17 Apr + 1 skips Good Friday, the weekend and Easter Monday → Tue 22 Apr', () => {
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
  });
  it('Easter 2025: Tue 1 Apr + 20 = Thu 1 May (2–4 Apr: 3, 7–11: 8, 14–17: 12, 22–25: 16, 28–30: 19, 1 May: 20)', () => {
    expect(addWorkingDays('2025-04-01', 20)).toBe('2025-05-01');
  });
  it('Christmas 2024: Mon 2 Dec + 20 = Thu 2 Jan 2025 (25, 26 Dec and 1 Jan skipped)', () => {
    expect(addWorkingDays('2024-12-02', 20)).toBe('2025-01-02');
  });
  it('substitute days 2027: Fri 24 Dec + 1 = Wed 29 Dec (25/26 weekend, 27/28 substitutes)', () => {
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });
  it('substitute days 2021: Fri 24 Dec + 1 = Wed 29 Dec', () => {
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
  });
  it('starting on Christmas Day 2025: + 20 = Mon 26 Jan 2026 (29–31 Dec: 3, 2 Jan: 4, then three weeks: 19, 26 Jan: 20)', () => {
    expect(addWorkingDays('2025-12-25', 20)).toBe('2026-01-26');
  });
});

describe('calendar months clamped to month end (DESIGN §4)', () => {
  it.each([
    ['2024-11-29', 3, '2025-02-28', '29 Nov + 3 months = 28 Feb (common year)'],
    ['2023-11-29', 3, '2024-02-29', '29 Nov + 3 months = 29 Feb (leap year)'],
    ['2024-08-31', 6, '2025-02-28', '31 Aug + 6 months = 28 Feb'],
    ['2024-09-30', 6, '2025-03-30', '30 Sep + 6 months = 30 Mar (no clamp)'],
    ['2025-03-31', -30, '2022-09-30', 'as-at − 30 months clamps 31 Sep to 30 Sep'],
    ['2025-03-31', -24, '2023-03-31', 'as-at − 24 months'],
    ['2024-02-29', -24, '2022-02-28', '29 Feb − 2 years = 28 Feb'],
    ['2024-12-15', 3, '2025-03-15', 'across a year end'],
  ])('%s %+d months = %s (%s)', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe('date helpers', () => {
  it('days between and add days cross month and leap days', () => {
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(dayOfWeek('2025-03-31')).toBe(1); // Monday
  });
  it('parses dd/mm/yyyy and rejects impossible dates', () => {
    expect(parseUkDate('31/03/2025')).toBe('2025-03-31');
    expect(parseUkDate('29/02/2025')).toBeNull();
    expect(parseUkDate('2025-03-31')).toBeNull();
  });
  it('age: birthday reached on the day; 29 Feb children age on 1 Mar in common years', () => {
    expect(ageOn('2009-03-31', '2025-03-31')).toBe(16);
    expect(ageOn('2009-04-01', '2025-03-31')).toBe(15);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });
});

describe('shipped bank-holiday data', () => {
  it('is exactly what the documented source (date-holidays + corrections) generates', async () => {
    const { renderBankHolidayData } = await import('../../../shared/domain/calendar/bank-holidays-source.ts');
    const { readFile } = await import('node:fs/promises');
    const shipped = await readFile(new URL('../../../shared/domain/calendar/bank-holidays-data.ts', import.meta.url), 'utf8');
    expect(shipped).toBe(renderBankHolidayData());
  });
});

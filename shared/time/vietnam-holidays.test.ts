import { describe, expect, it } from 'vitest';
import { NATIONAL_DAYS_BY_DATE, nationalCalendarYear, VIETNAM_NATIONAL_CALENDAR } from './vietnam-holidays';
import { isLocalDate, isoWeekdayOf } from './working-time';

describe('the national public-holiday list', () => {
  it('covers 2025–2027 in order, each year with its source; only 2027 is provisional', () => {
    expect(VIETNAM_NATIONAL_CALENDAR.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    for (const year of VIETNAM_NATIONAL_CALENDAR) expect(year.source.length).toBeGreaterThan(40);
    expect(VIETNAM_NATIONAL_CALENDAR.filter((y) => y.provisional).map((y) => y.year)).toEqual([2027]);
    expect(nationalCalendarYear(2024)).toBeUndefined();
  });

  it('puts holidays on weekdays and swapped working days on Saturdays, each date once, inside its year', () => {
    const all = VIETNAM_NATIONAL_CALENDAR.flatMap((y) => y.days.map((d) => ({ ...d, year: y.year })));
    for (const d of all) {
      const where = `${d.day} (${d.nameVi})`;
      expect(isLocalDate(d.day), where).toBe(true);
      expect(d.day.slice(0, 4), where).toBe(String(d.year));
      if (d.kind === 'holiday') expect(isoWeekdayOf(d.day), where).toBeLessThanOrEqual(5);
      else expect(isoWeekdayOf(d.day), where).toBe(6);
      expect(d.nameVi.length, where).toBeGreaterThan(3);
      expect(d.nameEn.length, where).toBeGreaterThan(3);
    }
    expect(new Set(all.map((d) => d.day)).size).toBe(all.length);
    expect(NATIONAL_DAYS_BY_DATE.size).toBe(all.length);
  });

  it('holds the announced days', () => {
    const days = (year: number, kind: 'holiday' | 'workday') =>
      nationalCalendarYear(year)!
        .days.filter((d) => d.kind === kind)
        .map((d) => d.day);
    expect(days(2025, 'holiday')).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(days(2025, 'workday')).toEqual(['2025-04-26']);
    expect(days(2026, 'holiday')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(days(2026, 'workday')).toEqual(['2026-01-10']);
    expect(days(2027, 'holiday')).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16',
      '2027-04-30',
      '2027-05-03',
      '2027-09-02',
      '2027-09-03',
    ]);
    expect(days(2027, 'workday')).toEqual([]);
  });
});

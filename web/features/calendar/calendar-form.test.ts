import { describe, expect, it } from 'vitest';
import {
  findDayErrors,
  findHoursErrors,
  formatDay,
  hasHoursErrors,
  hoursBodyOf,
  yearChoices,
} from './calendar-form';

describe('working calendar forms', () => {
  it('writes local dates as dd/mm/yyyy', () => {
    expect(formatDay('2026-02-16')).toBe('16/02/2026');
  });

  it('checks hours the way the server does', () => {
    const ok = {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      weekdays: [5, 1],
    };
    expect(hasHoursErrors(findHoursErrors(ok))).toBe(false);
    expect(hoursBodyOf(ok).weekdays).toEqual([1, 5]);
    expect(
      findHoursErrors({
        periods: [
          { start: '07:30', end: '12:00' },
          { start: '11:30', end: '17:00' },
          { start: '18:00', end: '17:30' },
          { start: '', end: '19:00' },
        ],
        weekdays: [],
      }),
    ).toEqual({
      periods: { 1: 'hours.errors.overlap', 2: 'hours.errors.order', 3: 'hours.errors.time' },
      weekdays: 'hours.errors.noWeekdays',
    });
    expect(findHoursErrors({ periods: [], weekdays: [1] }).list).toBe('hours.errors.noPeriods');
  });

  it('checks a day: a real date, a kind and two names', () => {
    expect(findDayErrors({ day: '2026-02-30', kind: '', nameVi: 'x', nameEn: '  ' })).toEqual({
      day: 'add.errors.date',
      kind: 'add.errors.kind',
      nameVi: 'add.errors.name',
      nameEn: 'add.errors.name',
    });
    expect(findDayErrors({ day: '2026-03-20', kind: 'holiday', nameVi: 'Nghỉ', nameEn: 'Off' })).toEqual({});
  });

  it('offers the national years and the years around today', () => {
    expect(yearChoices([2025, 2026, 2027], 2026)).toEqual([2025, 2026, 2027]);
    expect(yearChoices([2025, 2026, 2027], 2029)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VIETNAM_NATIONAL_CALENDAR } from './vietnam-holidays';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  buildWorkingCalendar,
  findWorkingHoursProblems,
  isLocalDate,
  isoWeekdayOf,
  isWorkingDay,
  isWorkingTime,
  workingMinutesBetween,
  type WorkingCalendar,
} from './working-time';

/** A local (UTC+7) wall-clock time, the way the tests are written. */
const at = (local: string) => new Date(`${local}+07:00`);

const plain = buildWorkingCalendar();
/** The national list as the calendar module builds it for a province with no own rows. */
const national = buildWorkingCalendar({
  holidays: new Set(
    VIETNAM_NATIONAL_CALENDAR.flatMap((y) => y.days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
  ),
  workdays: new Set(
    VIETNAM_NATIONAL_CALENDAR.flatMap((y) => y.days.filter((d) => d.kind === 'workday').map((d) => d.day)),
  ),
});

describe('working days', () => {
  it('knows weekdays, holidays and swapped Saturdays', () => {
    expect(isoWeekdayOf('2026-03-02')).toBe(1);
    expect(isoWeekdayOf('1970-01-01')).toBe(4);
    expect(isoWeekdayOf('2026-03-08')).toBe(7);
    expect(isWorkingDay(plain, '2026-03-06')).toBe(true);
    expect(isWorkingDay(plain, '2026-03-07')).toBe(false);
    expect(isWorkingDay(national, '2026-02-17')).toBe(false);
    expect(isWorkingDay(national, '2026-01-02')).toBe(false);
    expect(isWorkingDay(national, '2026-01-10')).toBe(true);
    expect(isWorkingDay(national, '2026-01-17')).toBe(false);
  });

  it('tells working time: a period start is in, its end is out', () => {
    expect(isWorkingTime(plain, at('2026-03-02T07:29:59'))).toBe(false);
    expect(isWorkingTime(plain, at('2026-03-02T07:30'))).toBe(true);
    expect(isWorkingTime(plain, at('2026-03-02T11:30'))).toBe(false);
    expect(isWorkingTime(plain, at('2026-03-02T13:30'))).toBe(true);
    expect(isWorkingTime(plain, at('2026-03-02T16:59'))).toBe(true);
    expect(isWorkingTime(plain, at('2026-03-02T17:00'))).toBe(false);
    expect(isWorkingTime(plain, at('2026-03-07T09:00'))).toBe(false);
    expect(isWorkingTime(national, at('2026-01-10T09:00'))).toBe(true);
  });
});

describe('adding working time', () => {
  it('starts counting at opening when asked before it', () => {
    expect(addWorkingMinutes(plain, at('2026-03-02T06:00'), 30)).toEqual(at('2026-03-02T08:00'));
  });

  it('stops exactly at closing instead of moving to the next morning', () => {
    expect(addWorkingMinutes(plain, at('2026-03-02T16:00'), 60)).toEqual(at('2026-03-02T17:00'));
    expect(addWorkingMinutes(plain, at('2026-03-02T11:00'), 30)).toEqual(at('2026-03-02T11:30'));
    expect(addWorkingMinutes(plain, at('2026-03-02T17:00'), 1)).toEqual(at('2026-03-03T07:31'));
  });

  it('skips the lunch break', () => {
    expect(addWorkingMinutes(plain, at('2026-03-02T11:00'), 60)).toEqual(at('2026-03-02T14:00'));
    expect(addWorkingMinutes(plain, at('2026-03-02T12:15'), 30)).toEqual(at('2026-03-02T14:00'));
  });

  it('skips a weekend', () => {
    expect(addWorkingHours(plain, at('2026-03-06T16:00'), 2)).toEqual(at('2026-03-09T08:30'));
  });

  it('skips Tết 2026 (16–20/02) and the weekends around it', () => {
    // Friday 13/02 16:00–17:00 is 1 h; the next working day is Monday 23/02.
    expect(addWorkingHours(national, at('2026-02-13T16:00'), 8)).toEqual(at('2026-02-23T16:30'));
    expect(addWorkingDays(national, at('2026-02-13T10:00'), 2)).toEqual(at('2026-02-24T17:00'));
  });

  it('counts a swapped Saturday (10/01/2026) and skips its swapped day off (02/01/2026)', () => {
    expect(addWorkingHours(national, at('2026-01-09T15:00'), 4)).toEqual(at('2026-01-10T09:30'));
    expect(addWorkingDays(national, at('2026-01-09T10:00'), 1)).toEqual(at('2026-01-10T17:00'));
    expect(addWorkingDays(national, at('2025-12-31T10:00'), 1)).toEqual(at('2026-01-05T17:00'));
  });

  it('crosses a year boundary (31/12 → 2/1 over New Year’s Day)', () => {
    const newYearOnly = buildWorkingCalendar({ holidays: new Set(['2026-01-01']) });
    expect(addWorkingHours(newYearOnly, at('2025-12-31T16:00'), 2)).toEqual(at('2026-01-02T08:30'));
    expect(addWorkingDays(newYearOnly, at('2025-12-31T10:00'), 1)).toEqual(at('2026-01-02T17:00'));
    expect(addWorkingHours(national, at('2025-12-31T16:00'), 8)).toEqual(at('2026-01-05T16:30'));
  });

  it('counts working days from the day after, to the close of the last one (Civil Code Art. 147)', () => {
    expect(addWorkingDays(plain, at('2026-03-06T10:00'), 2)).toEqual(at('2026-03-10T17:00'));
    expect(addWorkingDays(plain, at('2026-03-06T23:59'), 2)).toEqual(at('2026-03-10T17:00'));
    expect(addWorkingDays(plain, at('2026-03-07T10:00'), 2)).toEqual(at('2026-03-10T17:00'));
    expect(addWorkingDays(plain, at('2026-03-02T06:00'), 1)).toEqual(at('2026-03-03T17:00'));
    expect(addWorkingDays(plain, at('2026-03-07T10:00'), 0)).toEqual(at('2026-03-09T17:00'));
    expect(addWorkingDays(plain, at('2026-03-06T10:00'), 0)).toEqual(at('2026-03-06T17:00'));
  });

  it('returns the instant itself for zero minutes, and refuses negative or broken input', () => {
    expect(addWorkingMinutes(plain, at('2026-03-07T10:00'), 0)).toEqual(at('2026-03-07T10:00'));
    expect(() => addWorkingMinutes(plain, at('2026-03-02T10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(plain, new Date('nope'), 1)).toThrow(/not a valid date/);
    expect(() => addWorkingDays(plain, at('2026-03-02T10:00'), 1.5)).toThrow(/whole number/);
  });

  it('handles large counts by days, not minutes', () => {
    const started = performance.now();
    const due = addWorkingMinutes(national, at('2025-01-02T09:00'), 1_000_000);
    expect(workingMinutesBetween(national, at('2025-01-02T09:00'), due)).toBe(1_000_000);
    expect(addWorkingDays(national, at('2025-01-02T09:00'), 10_000).getTime()).toBeGreaterThan(due.getTime());
    // Minute by minute it would take far longer; the bound is loose for a loaded CI machine.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('working minutes between two instants', () => {
  it('counts a week, the lunch break, a holiday and goes negative backwards', () => {
    expect(workingMinutesBetween(plain, at('2026-03-02T07:30'), at('2026-03-06T17:00'))).toBe(5 * 450);
    expect(workingMinutesBetween(plain, at('2026-03-02T11:00'), at('2026-03-02T14:00'))).toBe(60);
    expect(workingMinutesBetween(national, at('2026-02-13T16:00'), at('2026-02-23T08:30'))).toBe(120);
    expect(workingMinutesBetween(plain, at('2026-03-02T14:00'), at('2026-03-02T11:00'))).toBe(-60);
    expect(workingMinutesBetween(plain, at('2026-03-07T08:00'), at('2026-03-08T17:00'))).toBe(0);
    expect(workingMinutesBetween(plain, at('2026-03-02T08:00:30'), at('2026-03-02T08:01'))).toBe(0.5);
  });

  it('is the inverse of addWorkingMinutes', () => {
    const from = at('2026-02-12T15:45');
    for (const minutes of [1, 75, 480, 2_000, 12_345]) {
      expect(workingMinutesBetween(national, from, addWorkingMinutes(national, from, minutes))).toBe(minutes);
    }
  });
});

describe('calendar checks', () => {
  it('names each problem of bad working hours', () => {
    expect(findWorkingHoursProblems([], [])).toEqual([
      { path: ['periods'], code: 'no_periods' },
      { path: ['weekdays'], code: 'no_weekdays' },
    ]);
    expect(
      findWorkingHoursProblems(
        [
          [450, 700],
          [690, 1020],
          [1000, 1441],
          [900, 900],
        ],
        [1, 8, 1],
      ),
    ).toEqual([
      { path: ['periods', 1], code: 'period_order' },
      { path: ['periods', 2], code: 'period_bounds' },
      { path: ['periods', 3], code: 'period_empty' },
      { path: ['weekdays', 1], code: 'weekday_value' },
      { path: ['weekdays', 2], code: 'weekday_repeated' },
    ]);
    expect(findWorkingHoursProblems([[0, 1440]], [7])).toEqual([]);
  });

  it('throws a clear error for an invalid calendar before counting anything', () => {
    expect(() =>
      buildWorkingCalendar({
        periods: [
          [810, 1020],
          [450, 690],
        ],
      }),
    ).toThrow('Invalid working calendar: periods.1: periods must be in ascending order and must not overlap');
    const bad: WorkingCalendar = { ...plain, weekdays: [], holidays: new Set(['2026-02-30']) };
    expect(() => addWorkingMinutes(bad, at('2026-03-02T10:00'), 5)).toThrow(
      /weekdays: there must be at least one working weekday; holidays: "2026-02-30" is not a date/,
    );
  });

  it('accepts only real dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-01')).toBe(false);
  });
});

describe('addWorkingMinutes and workingMinutesBetween agree (property)', () => {
  const DAY = 86_400_000;
  const START = Date.parse('2025-12-01T00:00:00Z');
  const dayOf = (offset: number) => new Date(START + offset * DAY).toISOString().slice(0, 10);

  /** Ascending, non-overlapping periods from an even number of distinct boundaries (touching periods allowed). */
  const periods = fc
    .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 8 })
    .map((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!]);
      return pairs;
    });
  const calendar = fc
    .record({
      periods,
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 40 }),
      workdays: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }),
    })
    .map((c) =>
      buildWorkingCalendar({
        periods: c.periods,
        weekdays: c.weekdays,
        holidays: new Set(c.holidays.map(dayOf)),
        workdays: new Set(c.workdays.filter((d) => !c.holidays.includes(d)).map(dayOf)),
      }),
    );
  const instant = fc.integer({ min: START, max: START + 100 * DAY }).map((ms) => new Date(ms));

  it('workingMinutesBetween(from, addWorkingMinutes(from, m)) === m', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 20_000 }), (cal, from, minutes) => {
        const due = addWorkingMinutes(cal, from, minutes);
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(workingMinutesBetween(cal, from, due)).toBe(minutes);
        expect(workingMinutesBetween(cal, due, from)).toBe(minutes === 0 ? 0 : -minutes);
      }),
      { numRuns: 300 },
    );
  });

  it('adding the working time between a and b reaches b, or the end of the last period before it', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (cal, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const reached = addWorkingMinutes(cal, a, workingMinutesBetween(cal, a, b));
        expect(reached.getTime()).toBeLessThanOrEqual(b.getTime());
        expect(workingMinutesBetween(cal, reached, b)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

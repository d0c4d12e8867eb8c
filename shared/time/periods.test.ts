import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsPeriod,
  formatPeriodEn,
  formatPeriodVi,
  isoWeeksInYear,
  lastPeriods,
  nextPeriod,
  parentPeriods,
  parsePeriod,
  PERIOD_TYPES,
  periodOf,
  periodsBetween,
  previousPeriod,
  type Period,
  type PeriodType,
} from './periods';
import { addDays } from './vietnam-time';
import { isoWeekdayOf } from './working-time';

const p = (id: string): Period => {
  const period = parsePeriod(id);
  if (!period) throw new Error(`test fixture ${id} does not parse`);
  return period;
};
const ids = (periods: Period[]) => periods.map((period) => period.id);

/** Local dates a year inside the supported range, so even a year's neighbours exist. */
const FIRST_DAY = '1901-01-01';
const SPAN_DAYS = 1_097 * 365;
const localDate = fc.integer({ min: 0, max: SPAN_DAYS }).map((n) => addDays(FIRST_DAY, n));
const periodType = fc.constantFrom(...PERIOD_TYPES);

describe('parsePeriod', () => {
  it.each([
    ['20260115', 'day', '2026-01-15', '2026-01-15'],
    ['20240229', 'day', '2024-02-29', '2024-02-29'],
    ['19000101', 'day', '1900-01-01', '1900-01-01'],
    ['2026W3', 'week', '2026-01-12', '2026-01-18'],
    ['2026W1', 'week', '2025-12-29', '2026-01-04'],
    ['2026W53', 'week', '2026-12-28', '2027-01-03'],
    ['2020W53', 'week', '2020-12-28', '2021-01-03'],
    ['2027W1', 'week', '2027-01-04', '2027-01-10'],
    ['1900W1', 'week', '1900-01-01', '1900-01-07'],
    ['202601', 'month', '2026-01-01', '2026-01-31'],
    ['202402', 'month', '2024-02-01', '2024-02-29'],
    ['202502', 'month', '2025-02-01', '2025-02-28'],
    ['190002', 'month', '1900-02-01', '1900-02-28'],
    ['202604', 'month', '2026-04-01', '2026-04-30'],
    ['2026Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026Q2', 'quarter', '2026-04-01', '2026-06-30'],
    ['2026Q4', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2999', 'year', '2999-01-01', '2999-12-31'],
  ])('reads %s', (id, type, start, end) => {
    expect(parsePeriod(id)).toEqual({ id, type, start, end });
  });

  it.each([
    '2026W0',
    '2026W54',
    '2025W53', // 2025 has 52 ISO weeks
    '2026W03',
    '2026W',
    '2026w3',
    '2026q1',
    '2026Q0',
    '2026Q5',
    '202600',
    '202613',
    '20260230',
    '20250229',
    '19000229', // 1900 was not a leap year
    '20260132',
    '2026-01',
    '2026-01-15',
    ' 2026',
    '2026 ',
    '2026 W3',
    '1899',
    '3000',
    '189912',
    '30000101',
    '20261',
    '2026011',
    '202601150',
    '２０２６',
    '',
  ])('rejects %j', (id) => {
    expect(parsePeriod(id)).toBeNull();
  });

  it('counts ISO weeks per year', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('accepts only the one spelling of a period', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789WQ w-'), maxLength: 9 }), (text) => {
        const period = parsePeriod(text);
        if (period) expect(period.id).toBe(text);
      }),
    );
  });
});

describe('periodOf', () => {
  it.each<[PeriodType, string, string]>([
    ['day', '2026-01-15', '20260115'],
    ['week', '2026-01-15', '2026W3'],
    ['week', '2026-01-12', '2026W3'],
    ['week', '2026-01-18', '2026W3'],
    ['week', '2026-12-31', '2026W53'],
    ['week', '2027-01-01', '2026W53'],
    ['week', '2027-01-03', '2026W53'],
    ['week', '2027-01-04', '2027W1'],
    ['week', '2025-12-29', '2026W1'],
    ['week', '2021-01-03', '2020W53'],
    ['month', '2024-02-29', '202402'],
    ['quarter', '2026-03-31', '2026Q1'],
    ['quarter', '2026-06-30', '2026Q2'],
    ['quarter', '2026-07-01', '2026Q3'],
    ['year', '2026-12-31', '2026'],
    ['year', '2027-01-01', '2027'],
  ])('puts a %s around %s: %s', (type, day, id) => {
    expect(periodOf(type, day).id).toBe(id);
  });

  it('refuses malformed dates and periods outside 1900–2999', () => {
    expect(() => periodOf('day', '2026-02-30')).toThrow(RangeError);
    expect(() => periodOf('month', '20260115')).toThrow(RangeError);
    expect(() => periodOf('year', '1899-12-31')).toThrow(RangeError);
    expect(() => periodOf('day', '3000-01-01')).toThrow(RangeError);
    // 31/12/2999 is a Tuesday, so its ISO week is 3000W1.
    expect(() => periodOf('week', '2999-12-31')).toThrow(RangeError);
    expect(periodOf('year', '2999-12-31').id).toBe('2999');
  });
});

describe('neighbours and ranges', () => {
  it.each([
    ['2026W52', '2026W53'],
    ['2026W53', '2027W1'],
    ['2025W52', '2026W1'],
    ['202612', '202701'],
    ['2026Q4', '2027Q1'],
    ['20261231', '20270101'],
    ['20240228', '20240229'],
    ['20240229', '20240301'],
    ['2026', '2027'],
  ])('%s is followed by %s', (before, after) => {
    expect(nextPeriod(p(before))).toEqual(p(after));
    expect(previousPeriod(p(after))).toEqual(p(before));
  });

  it('stops at the supported years', () => {
    expect(() => nextPeriod(p('2999'))).toThrow(RangeError);
    expect(() => previousPeriod(p('19000101'))).toThrow(RangeError);
  });

  it('lists the periods overlapping a range', () => {
    expect(ids(periodsBetween('month', '2026-01-15', '2026-03-02'))).toEqual(['202601', '202602', '202603']);
    expect(ids(periodsBetween('week', '2026-12-30', '2027-01-05'))).toEqual(['2026W53', '2027W1']);
    expect(ids(periodsBetween('quarter', '2026-03-31', '2026-04-01'))).toEqual(['2026Q1', '2026Q2']);
    expect(ids(periodsBetween('year', '2026-05-05', '2026-05-05'))).toEqual(['2026']);
    expect(ids(periodsBetween('day', '2024-02-28', '2024-03-01'))).toEqual([
      '20240228',
      '20240229',
      '20240301',
    ]);
    expect(periodsBetween('month', '2026-01-20', '2026-01-10')).toEqual([]);
    expect(() => periodsBetween('day', '2026-01-01', '2026-13-01')).toThrow(RangeError);
  });

  it('gives the last N periods for a trend, oldest first', () => {
    expect(ids(lastPeriods('month', 3, '2026-02-10'))).toEqual(['202512', '202601', '202602']);
    expect(ids(lastPeriods('week', 2, '2027-01-04'))).toEqual(['2026W53', '2027W1']);
    expect(ids(lastPeriods('quarter', 1, '2026-08-01'))).toEqual(['2026Q3']);
    expect(lastPeriods('year', 0, '2026-08-01')).toEqual([]);
    expect(() => lastPeriods('year', -1, '2026-08-01')).toThrow(RangeError);
    expect(() => lastPeriods('year', 1.5, '2026-08-01')).toThrow(RangeError);
  });
});

describe('roll-up', () => {
  it('rolls a day into every coarser type', () => {
    expect(ids(parentPeriods(p('20270101')))).toEqual(['2026W53', '202701', '2027Q1', '2027']);
  });

  it('rolls months into quarters and years, quarters into years, and weeks and years into nothing', () => {
    expect(ids(parentPeriods(p('202605')))).toEqual(['2026Q2', '2026']);
    expect(ids(parentPeriods(p('2026Q3')))).toEqual(['2026']);
    expect(parentPeriods(p('2027W2'))).toEqual([]);
    expect(parentPeriods(p('2026'))).toEqual([]);
  });

  it.each([
    ['2027', '20270101', true],
    ['2026W53', '20270101', true],
    ['2027W1', '20270101', false],
    ['2026Q2', '202605', true],
    ['2026', '2026Q3', true],
    ['2026', '202612', true],
    ['202601', '20260131', true],
    ['202601', '20260201', false],
    ['202605', '202605', true],
    ['2026W3', '2026W3', true],
    // Weeks are their own axis, even a week wholly inside one month.
    ['202701', '2027W2', false],
    ['2027Q1', '2027W2', false],
    ['2027', '2027W2', false],
    ['2027W2', '202701', false],
    ['202605', '2026Q2', false],
    ['202605', '2026', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(containsPeriod(p(outer), p(inner))).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['20260115', '15/01/2026', '15/01/2026'],
    ['2026W3', 'Tuần 3/2026 (12/01–18/01)', 'Week 3 2026 (12/01–18/01)'],
    ['2026W53', 'Tuần 53/2026 (28/12–03/01)', 'Week 53 2026 (28/12–03/01)'],
    ['2026W1', 'Tuần 1/2026 (29/12–04/01)', 'Week 1 2026 (29/12–04/01)'],
    ['202601', 'Tháng 01/2026', 'January 2026'],
    ['202612', 'Tháng 12/2026', 'December 2026'],
    ['2026Q1', 'Quý I/2026', 'Q1 2026'],
    ['2026Q4', 'Quý IV/2026', 'Q4 2026'],
    ['2026', 'Năm 2026', '2026'],
  ])('labels %s', (id, vi, en) => {
    expect(formatPeriodVi(p(id))).toBe(vi);
    expect(formatPeriodEn(p(id))).toBe(en);
  });
});

describe('properties', () => {
  it('reads back the id of the period around any day, and the period holds the day', () => {
    fc.assert(
      fc.property(periodType, localDate, (type, day) => {
        const period = periodOf(type, day);
        expect(parsePeriod(period.id)).toEqual(period);
        expect(period.start <= day && day <= period.end).toBe(true);
        expect(formatPeriodVi(period)).not.toBe('');
        expect(formatPeriodEn(period)).not.toBe('');
      }),
    );
  });

  it('starts every week on a Monday and numbers it by the year of its Thursday', () => {
    fc.assert(
      fc.property(localDate, (day) => {
        const week = periodOf('week', day);
        expect(isoWeekdayOf(week.start)).toBe(1);
        expect(week.end).toBe(addDays(week.start, 6));
        expect(week.id.startsWith(`${addDays(week.start, 3).slice(0, 4)}W`)).toBe(true);
      }),
    );
  });

  it('puts every day of a range in exactly one listed period of each type', () => {
    fc.assert(
      fc.property(periodType, localDate, fc.integer({ min: 0, max: 120 }), (type, from, length) => {
        const to = addDays(from, length);
        const periods = periodsBetween(type, from, to);
        expect(periods[0]!.start <= from).toBe(true);
        expect(periods.at(-1)!.end >= to).toBe(true);
        for (let i = 1; i < periods.length; i++) expect(periods[i]).toEqual(nextPeriod(periods[i - 1]!));
        for (let day = from; day <= to; day = addDays(day, 1)) {
          const holding = periods.filter((period) => period.start <= day && day <= period.end);
          expect(ids(holding)).toEqual([periodOf(type, day).id]);
        }
      }),
    );
  });

  it('undoes a step back with a step forward, and the other way round', () => {
    fc.assert(
      fc.property(periodType, localDate, (type, day) => {
        const period = periodOf(type, day);
        expect(nextPeriod(previousPeriod(period))).toEqual(period);
        expect(previousPeriod(nextPeriod(period))).toEqual(period);
        expect(addDays(previousPeriod(period).end, 1)).toBe(period.start);
      }),
    );
  });

  it('partitions a month, quarter or year into its days, and each day rolls up into it', () => {
    const coarse = fc.constantFrom<PeriodType>('week', 'month', 'quarter', 'year');
    fc.assert(
      fc.property(coarse, localDate, (type, day) => {
        const outer = periodOf(type, day);
        const days = periodsBetween('day', outer.start, outer.end);
        expect(days[0]!.start).toBe(outer.start);
        expect(days.at(-1)!.end).toBe(outer.end);
        expect(days.every((d) => containsPeriod(outer, d))).toBe(true);
        expect(containsPeriod(outer, nextPeriod(days.at(-1)!))).toBe(false);
        expect(containsPeriod(outer, previousPeriod(days[0]!))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('never lets a month, quarter or year contain a week', () => {
    fc.assert(
      fc.property(localDate, fc.constantFrom<PeriodType>('month', 'quarter', 'year'), (day, type) => {
        expect(containsPeriod(periodOf(type, day), periodOf('week', day))).toBe(false);
      }),
    );
  });

  it('splits a year into 4 quarters and 12 months that roll up into it', () => {
    fc.assert(
      fc.property(localDate, (day) => {
        const year = periodOf('year', day);
        const quarters = periodsBetween('quarter', year.start, year.end);
        const months = periodsBetween('month', year.start, year.end);
        expect(quarters).toHaveLength(4);
        expect(months).toHaveLength(12);
        expect([...quarters, ...months].every((q) => containsPeriod(year, q))).toBe(true);
        expect(months.filter((m) => containsPeriod(quarters[1]!, m)).map((m) => m.id.slice(4))).toEqual([
          '04',
          '05',
          '06',
        ]);
      }),
      { numRuns: 50 },
    );
  });
});

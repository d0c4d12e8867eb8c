import { describe, expect, it } from 'vitest';
import { mondayOfIsoWeek, readTargets, summarisePeople } from './team-stats';

describe('mondayOfIsoWeek', () => {
  it('finds the Monday of ISO weeks, including those that start in the previous year', () => {
    expect(mondayOfIsoWeek('2026-W48').toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2026-W01').toISOString().slice(0, 10)).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2021-W01').toISOString().slice(0, 10)).toBe('2021-01-04');
    expect(mondayOfIsoWeek('2020-W53').toISOString().slice(0, 10)).toBe('2020-12-28');
    expect(Number.isNaN(mondayOfIsoWeek('week 3').getTime())).toBe(true);
  });
});

describe('summarisePeople', () => {
  it('adds up each age band and splits it into women, men and the rest', () => {
    const bands = summarisePeople([
      { ageBand: '60_plus', gender: 'female', count: 7 },
      { ageBand: '60_plus', gender: 'male', count: 4 },
      { ageBand: '60_plus', gender: 'unknown', count: 1 },
      { ageBand: '60_plus', gender: 'other', count: 2 },
      { ageBand: 'under_18', gender: 'male', count: 3 },
    ]);
    expect(bands['60_plus']).toEqual({ total: 14, female: 7, male: 4, other: 3 });
    expect(bands.under_18).toEqual({ total: 3, female: 0, male: 3, other: 0 });
    expect(bands['18_39'].total).toBe(0);
  });
});

describe('readTargets', () => {
  it('keeps targets that have a name and a target value and leaves anything else out', () => {
    expect(
      readTargets([
        { code: 'vneid', name: 'VNeID mức 2', target: 200, actual: 150 },
        { label: 'Thanh toán', target: 50, value: 10 },
        { name: 'no target' },
        'nonsense',
        null,
      ]),
    ).toEqual([
      { key: 'vneid', name: 'VNeID mức 2', target: 200, actual: 150 },
      { key: 'target-1', name: 'Thanh toán', target: 50, actual: 10 },
    ]);
    expect(readTargets([])).toEqual([]);
  });
});

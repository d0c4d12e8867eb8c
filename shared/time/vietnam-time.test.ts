import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfLocalDayUtc,
  formatLocalDateTime,
  isoWeekOf,
  localDateOf,
  previousDay,
  startOfLocalDayUtc,
} from './vietnam-time';

describe('Vietnam local time', () => {
  it('puts 17:00 UTC on the next local day', () => {
    expect(localDateOf(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(localDateOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
  it('bounds a local day in UTC', () => {
    expect(startOfLocalDayUtc('2026-01-01')).toBe('2025-12-31T17:00:00.000Z');
    expect(endOfLocalDayUtc('2026-01-01')).toBe('2026-01-01T17:00:00.000Z');
  });
  it('moves across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });
  it('formats and weeks in local time', () => {
    expect(formatLocalDateTime('2026-11-28T02:30:00Z')).toBe('28/11/2026 09:30');
    expect(isoWeekOf('2026-12-27T17:30:00Z')).toBe('2026-W53');
  });
});

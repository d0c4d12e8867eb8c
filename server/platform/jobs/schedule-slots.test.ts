import { describe, it, expect } from 'vitest';
import { computeBackoffMs, computeSlotStart, parseDailyAt, slotKey } from './schedule-slots';

describe('schedule slots', () => {
  it('aligns interval slots to the epoch, so every server computes the same boundary', () => {
    const s = { name: 'x.every', every: { seconds: 5 } };
    expect(computeSlotStart(s, new Date('2026-11-28T03:00:07.900Z')).toISOString()).toBe('2026-11-28T03:00:05.000Z');
    expect(computeSlotStart(s, new Date('2026-11-28T03:00:05.000Z')).toISOString()).toBe('2026-11-28T03:00:05.000Z');
    expect(computeSlotStart(s, new Date('2026-11-28T03:00:04.999Z')).toISOString()).toBe('2026-11-28T03:00:00.000Z');
  });

  it('places daily slots at HH:MM in Asia/Ho_Chi_Minh (UTC+7)', () => {
    const s = { name: 'x.daily', dailyAt: '07:00' };
    // 10:00 in Vietnam on the 28th → today's 07:00 local = 00:00 UTC.
    expect(computeSlotStart(s, new Date('2026-11-28T03:00:00.000Z')).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    // 06:59 in Vietnam on the 28th → still the 27th's slot.
    expect(computeSlotStart(s, new Date('2026-11-27T23:59:00.000Z')).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    // 07:00 local exactly opens the new slot.
    expect(computeSlotStart(s, new Date('2026-11-28T00:00:00.000Z')).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    // 01:30 local is the previous UTC day: the local date decides.
    const night = { name: 'x.night', dailyAt: '01:30' };
    expect(computeSlotStart(night, new Date('2026-11-27T19:00:00.000Z')).toISOString()).toBe('2026-11-27T18:30:00.000Z');
  });

  it('rejects malformed daily times', () => {
    expect(parseDailyAt('23:59')).toBe(23 * 60 + 59);
    expect(() => parseDailyAt('7:00')).toThrow(/HH:MM/);
    expect(() => parseDailyAt('24:00')).toThrow(/HH:MM/);
  });

  it('backs off 30 s × 2^(attempt−1), capped at one hour', () => {
    expect([1, 2, 3, 4].map(computeBackoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(computeBackoffMs(8)).toBe(3_600_000);
    expect(computeBackoffMs(500)).toBe(3_600_000);
  });

  it('keys a slot by name and start', () => {
    expect(slotKey('notifications.digest', new Date('2026-11-28T00:00:00.000Z'))).toBe(
      'notifications.digest@2026-11-28T00:00:00.000Z',
    );
  });
});

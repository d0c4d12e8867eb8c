import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../time/working-time';
import { VIETNAM_NATIONAL_CALENDAR } from '../time/vietnam-holidays';
import {
  acceptDeadline,
  deadlineStatus,
  DEFAULT_CASE_DEADLINES,
  doneOnTime,
  handlingDeadline,
  validateDeadlinePolicy,
} from './case-deadlines';

/** A local (UTC+7) wall-clock time, the way the tests are written. */
const at = (local: string) => new Date(`${local}+07:00`);
const national = buildWorkingCalendar({
  holidays: new Set(VIETNAM_NATIONAL_CALENDAR.flatMap((y) => y.days.filter((d) => d.kind === 'holiday').map((d) => d.day))),
  workdays: new Set(VIETNAM_NATIONAL_CALENDAR.flatMap((y) => y.days.filter((d) => d.kind === 'workday').map((d) => d.day))),
});
const policy = DEFAULT_CASE_DEADLINES;

describe('case deadlines in working time', () => {
  it('must be accepted within 8 working hours: across the lunch break and the weekend', () => {
    // Friday 10:00 → 1h30 to 11:30, 3h30 in the afternoon (17:00), 3h on Monday from 07:30 → 10:30.
    expect(acceptDeadline(national, policy, at('2026-12-04T10:00:00'))).toEqual(at('2026-12-07T10:30:00'));
    // Submitted on Saturday night: the clock starts Monday 07:30; Monday holds 7 h 30 → the last 30 min on Tuesday.
    expect(acceptDeadline(national, policy, at('2026-12-05T21:00:00'))).toEqual(at('2026-12-08T08:00:00'));
  });

  it('stops over Tết: a report on the eve of the 2027 holiday waits for the first working day after it', () => {
    // Tết 2027 runs 5–11 February (days off); Thursday 4 February 16:00 → 1 h that day, then 4 h in the morning
    // and 3 h in the afternoon of Friday 12th → 16:30.
    expect(acceptDeadline(national, policy, at('2027-02-04T16:00:00'))).toEqual(at('2027-02-12T16:30:00'));
  });

  it('handles an urgent case within 4 working hours of acceptance, others in the province’s working days', () => {
    expect(handlingDeadline(national, policy, 'urgent', at('2026-12-07T15:00:00'))).toEqual(at('2026-12-08T09:30:00'));
    // Normal: 10 working days after Monday 7 December → Monday 21 December, 17:00.
    expect(handlingDeadline(national, policy, 'normal', at('2026-12-07T15:00:00'))).toEqual(at('2026-12-21T17:00:00'));
    // Complex: 20 working days, crossing New Year's Day 2027 (Friday 1 January off) → Tuesday 5 January 17:00.
    expect(handlingDeadline(national, policy, 'complex', at('2026-12-07T15:00:00'))).toEqual(at('2027-01-05T17:00:00'));
    // An approved extension of 3 working days.
    expect(handlingDeadline(national, policy, 'normal', at('2026-12-07T15:00:00'), 3)).toEqual(at('2026-12-24T17:00:00'));
    expect(() => handlingDeadline(national, policy, 'normal', at('2026-12-07T15:00:00'), -1)).toThrow(RangeError);
  });

  it('says on time, due soon (within the warning’s working hours) or overdue', () => {
    const due = at('2026-12-08T10:00:00');
    expect(deadlineStatus(national, policy, due, at('2026-12-07T09:00:00'))).toBe('on_time');
    // Monday 16:00 → Tuesday 10:00 is 1 h + 2 h 30 = 3 h 30 of working time: within the 4-hour warning.
    expect(deadlineStatus(national, policy, due, at('2026-12-07T16:00:00'))).toBe('due_soon');
    expect(deadlineStatus(national, policy, due, at('2026-12-08T10:00:01'))).toBe('overdue');
    expect(doneOnTime(due, due)).toBe(true);
    expect(doneOnTime(due, at('2026-12-08T10:00:01'))).toBe(false);
  });

  it('refuses a policy no one could work to', () => {
    expect(validateDeadlinePolicy(policy)).toEqual([]);
    expect(validateDeadlinePolicy({ ...policy, normalWithinDays: 0, complexWithinDays: 2.5, acceptWithinHours: -1 })).toHaveLength(3);
    expect(validateDeadlinePolicy({ ...policy, normalWithinDays: 15, complexWithinDays: 10 })).toEqual([
      'complexWithinDays must not be shorter than normalWithinDays',
    ]);
  });
});

/**
 * Working time in Vietnam: every deadline of the platform (2 working days for a data-subject request, 8 working
 * hours to accept a case) is counted here, on the server and in the web app alike. Pure and isomorphic: the caller
 * passes the calendar (the national holiday list merged with a province's own days and hours, see
 * server/modules/calendar), so nothing here reads a database or a clock.
 *
 * Conventions, fixed once so every module counts the same way:
 * - an instant before the first period, in a break, after the last period or on a day off starts counting at the next
 *   period start;
 * - a count that reaches exactly the end of a period ends there (17:00), not at the next period's start;
 * - `addWorkingDays` follows Civil Code 2015 Art. 147 (the day of the event is not counted) and ends at the close of
 *   working hours of the last day counted.
 * Instants are `Date`s (UTC); days are local dates "YYYY-MM-DD" in Asia/Ho_Chi_Minh (UTC+7, no DST).
 */
import { addDays, localDateOf, VIETNAM_OFFSET_MS } from './vietnam-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;

/** One working period of a day: minutes after local midnight, start inclusive, end exclusive. */
export type WorkingPeriod = readonly [start: number, end: number];

export interface WorkingCalendar {
  /** Working periods of a working day, minutes after local midnight, ascending, non-overlapping: default [[450,690],[810,1020]] = 07:30–11:30, 13:30–17:00 */
  periods: readonly WorkingPeriod[];
  /** ISO weekdays that are normally working days (1 = Monday … 7 = Sunday): default [1,2,3,4,5] */
  weekdays: readonly number[];
  /** Local dates "YYYY-MM-DD" off work (public holidays, compensatory days, a weekday swapped off) */
  holidays: ReadonlySet<string>;
  /** Local dates that are working days although their weekday is not (a Saturday made a working day by a swap) */
  workdays: ReadonlySet<string>;
}

/** Office hours of state bodies: 07:30–11:30 and 13:30–17:00. */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  [450, 690],
  [810, 1020],
];
/** Monday to Friday: the five-day week of state bodies (Quyết định 188/1999/QĐ-TTg). */
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/** A calendar with the given parts and the defaults for the rest, checked (throws RangeError when invalid). */
export function buildWorkingCalendar(parts: Partial<WorkingCalendar> = {}): WorkingCalendar {
  const calendar: WorkingCalendar = {
    periods: parts.periods ?? DEFAULT_WORKING_PERIODS,
    weekdays: parts.weekdays ?? DEFAULT_WORKING_WEEKDAYS,
    holidays: parts.holidays ?? new Set(),
    workdays: parts.workdays ?? new Set(),
  };
  assertValidWorkingCalendar(calendar);
  return calendar;
}

// ------------------------------------------------------------------------------------------------ validation

export type WorkingHoursProblemCode =
  | 'no_periods'
  | 'period_bounds'
  | 'period_empty'
  | 'period_order'
  | 'no_weekdays'
  | 'weekday_value'
  | 'weekday_repeated';

export interface WorkingHoursProblem {
  /** Where, relative to `{ periods, weekdays }`: ["periods", 1] or ["weekdays"]. */
  path: (string | number)[];
  code: WorkingHoursProblemCode;
}

const PROBLEM_TEXT: Record<WorkingHoursProblemCode, string> = {
  no_periods: 'there must be at least one working period',
  period_bounds: 'a period is whole minutes between 0 and 1440',
  period_empty: 'a period must end after it starts',
  period_order: 'periods must be in ascending order and must not overlap',
  no_weekdays: 'there must be at least one working weekday',
  weekday_value: 'a weekday is 1 (Monday) to 7 (Sunday)',
  weekday_repeated: 'a weekday is listed twice',
};

/** English words for a problem code (contracts give their own bilingual text). */
export function describeWorkingHoursProblem(problem: WorkingHoursProblem): string {
  return `${problem.path.join('.')}: ${PROBLEM_TEXT[problem.code]}`;
}

/**
 * Everything wrong with working hours, empty when they are usable. Shared by the API contract (400 with details) and
 * the calendar check below, so the server never stores hours the computation would refuse.
 */
export function findWorkingHoursProblems(
  periods: readonly (readonly number[])[],
  weekdays: readonly number[],
): WorkingHoursProblem[] {
  const problems: WorkingHoursProblem[] = [];
  if (periods.length === 0) problems.push({ path: ['periods'], code: 'no_periods' });
  let previousEnd = -1;
  periods.forEach((period, i) => {
    const [start, end] = period;
    const whole = (v: number | undefined): v is number =>
      v !== undefined && Number.isInteger(v) && v >= 0 && v <= DAY_MINUTES;
    if (period.length !== 2 || !whole(start) || !whole(end)) {
      problems.push({ path: ['periods', i], code: 'period_bounds' });
      return;
    }
    if (end <= start) problems.push({ path: ['periods', i], code: 'period_empty' });
    else if (start < previousEnd) problems.push({ path: ['periods', i], code: 'period_order' });
    previousEnd = Math.max(previousEnd, end);
  });
  if (weekdays.length === 0) problems.push({ path: ['weekdays'], code: 'no_weekdays' });
  const seen = new Set<number>();
  weekdays.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || day > 7)
      problems.push({ path: ['weekdays', i], code: 'weekday_value' });
    else if (seen.has(day)) problems.push({ path: ['weekdays', i], code: 'weekday_repeated' });
    seen.add(day);
  });
  return problems;
}

/** True for a real calendar date written "YYYY-MM-DD" ("2026-02-30" is not one). */
export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Calendars already checked: every function checks its calendar, but only once per calendar object. */
const checked = new WeakSet<WorkingCalendar>();

/** Throws a RangeError naming every problem of the calendar; the functions below call it before counting. */
export function assertValidWorkingCalendar(calendar: WorkingCalendar): void {
  if (checked.has(calendar)) return;
  const problems = findWorkingHoursProblems(calendar.periods, calendar.weekdays).map(
    describeWorkingHoursProblem,
  );
  for (const [name, days] of [
    ['holidays', calendar.holidays],
    ['workdays', calendar.workdays],
  ] as const) {
    for (const day of days)
      if (!isLocalDate(day)) problems.push(`${name}: "${day}" is not a date "YYYY-MM-DD"`);
  }
  if (problems.length > 0) throw new RangeError(`Invalid working calendar: ${problems.join('; ')}`);
  checked.add(calendar);
}

// ------------------------------------------------------------------------------------------------ days

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(day: string): number {
  const dayNumber = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  // 1970-01-01 (day 0) was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * Whether a local date is a working day: an explicit holiday is off, an explicit workday is on, otherwise its weekday
 * decides. A date in both sets is off (a merged calendar never has one).
 */
export function isWorkingDay(calendar: WorkingCalendar, day: string): boolean {
  assertValidWorkingCalendar(calendar);
  return workingDay(calendar, day);
}

function workingDay(calendar: WorkingCalendar, day: string): boolean {
  if (calendar.holidays.has(day)) return false;
  if (calendar.workdays.has(day)) return true;
  return calendar.weekdays.includes(isoWeekdayOf(day));
}

/** UTC milliseconds of a local date's midnight. */
function midnightMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS;
}

function instantMs(instant: Date, name: string): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

/**
 * The working intervals [start, end) in UTC milliseconds at or after `fromMs`, in order, the first one clipped to
 * `fromMs`. Walks day by day (never minute by minute), so a count over years costs a few thousand steps. It never
 * ends on its own: a valid calendar has a working weekday and finitely many holidays, so callers always stop.
 */
function* workingIntervalsFrom(calendar: WorkingCalendar, fromMs: number): Generator<[number, number]> {
  let day = localDateOf(new Date(fromMs));
  for (;;) {
    if (workingDay(calendar, day)) {
      const midnight = midnightMs(day);
      for (const [start, end] of calendar.periods) {
        const endMs = midnight + end * MINUTE_MS;
        if (endMs <= fromMs) continue;
        yield [Math.max(fromMs, midnight + start * MINUTE_MS), endMs];
      }
    }
    day = addDays(day, 1);
  }
}

// ------------------------------------------------------------------------------------------------ instants

/** Whether an instant falls inside a working period of a working day (a period's end is not working time). */
export function isWorkingTime(calendar: WorkingCalendar, instant: Date): boolean {
  assertValidWorkingCalendar(calendar);
  const ms = instantMs(instant, 'instant');
  const day = localDateOf(instant);
  if (!workingDay(calendar, day)) return false;
  const minute = (ms - midnightMs(day)) / MINUTE_MS;
  return calendar.periods.some(([start, end]) => minute >= start && minute < end);
}

/**
 * The instant `minutes` working minutes after `from` (to the millisecond). Outside working time counting starts at
 * the next period start; a count that ends exactly at a period's end returns that end. Zero minutes returns `from`.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  assertValidWorkingCalendar(calendar);
  const fromMs = instantMs(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number ≥ 0');
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(fromMs);
  for (const [start, end] of workingIntervalsFrom(calendar, fromMs)) {
    if (remaining <= end - start) return new Date(start + remaining);
    remaining -= end - start;
  }
  throw new Error('unreachable: working intervals never run out');
}

/** `addWorkingMinutes` in hours: "accept within 8 working hours". */
export function addWorkingHours(calendar: WorkingCalendar, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('hours must be a finite number ≥ 0');
  return addWorkingMinutes(calendar, from, hours * 60);
}

/**
 * The deadline of "`days` working days from `from`": the close of working hours (end of the last period) of the
 * `days`-th working day after the local day of `from`, whatever the time of day (Civil Code 2015 Art. 147: the first
 * day is not counted). A request received Friday 10:00 with 2 working days is due Tuesday 17:00 of a normal week.
 * `days` = 0 means the close of the first working day on or after the local day of `from`.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: Date, days: number): Date {
  assertValidWorkingCalendar(calendar);
  instantMs(from, 'from');
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let day = localDateOf(from);
  let counted = 0;
  if (days > 0) day = addDays(day, 1);
  for (;;) {
    if (workingDay(calendar, day)) {
      counted += 1;
      if (counted >= days) break;
    }
    day = addDays(day, 1);
  }
  const close = calendar.periods[calendar.periods.length - 1]![1];
  return new Date(midnightMs(day) + close * MINUTE_MS);
}

/**
 * Working minutes between two instants (fractions for seconds); negative when `b` is before `a`. The inverse of
 * `addWorkingMinutes`: workingMinutesBetween(c, a, addWorkingMinutes(c, a, m)) === m.
 */
export function workingMinutesBetween(calendar: WorkingCalendar, a: Date, b: Date): number {
  assertValidWorkingCalendar(calendar);
  const aMs = instantMs(a, 'a');
  const bMs = instantMs(b, 'b');
  if (bMs < aMs) {
    const back = workingMinutesBetween(calendar, b, a);
    return back === 0 ? 0 : -back;
  }
  let total = 0;
  for (const [start, end] of workingIntervalsFrom(calendar, aMs)) {
    if (start >= bMs) break;
    total += Math.min(end, bMs) - start;
  }
  return total / MINUTE_MS;
}

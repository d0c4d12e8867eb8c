import {
  CALENDAR_DAY_KINDS,
  minutesOfTime,
  TimeOfDaySchema,
  type CalendarDayBody,
  type CalendarDayKind,
  type WorkingHours,
  type WorkingHoursBody,
} from '../../../shared/contracts/calendar';
import { isLocalDate } from '../../../shared/time/working-time';

/** "2026-02-16" → "16/02/2026", the way officials write a date (the string is already a local date). */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export interface HoursDraft {
  periods: { start: string; end: string }[];
  weekdays: number[];
}

/** Keys are i18n keys of the "calendar" namespace. */
export interface HoursErrors {
  periods: Record<number, string>;
  weekdays?: string;
  list?: string;
}

export function hoursDraftOf(hours: WorkingHours): HoursDraft {
  return { periods: hours.periods.map((p) => ({ ...p })), weekdays: [...hours.weekdays] };
}

/** Checks working hours the way the server will (times, order, overlap, a weekday), so mistakes show at once. */
export function findHoursErrors(draft: HoursDraft): HoursErrors {
  const errors: HoursErrors = { periods: {} };
  if (draft.periods.length === 0) errors.list = 'hours.errors.noPeriods';
  let previousEnd = -1;
  draft.periods.forEach((period, i) => {
    if (!TimeOfDaySchema.safeParse(period.start).success || !TimeOfDaySchema.safeParse(period.end).success) {
      errors.periods[i] = 'hours.errors.time';
      return;
    }
    const start = minutesOfTime(period.start);
    const end = minutesOfTime(period.end);
    if (end <= start) errors.periods[i] = 'hours.errors.order';
    else if (start < previousEnd) errors.periods[i] = 'hours.errors.overlap';
    previousEnd = Math.max(previousEnd, end);
  });
  if (draft.weekdays.length === 0) errors.weekdays = 'hours.errors.noWeekdays';
  return errors;
}

export function hasHoursErrors(errors: HoursErrors): boolean {
  return Object.keys(errors.periods).length > 0 || Boolean(errors.weekdays) || Boolean(errors.list);
}

export function hoursBodyOf(draft: HoursDraft): WorkingHoursBody {
  return { periods: draft.periods, weekdays: [...draft.weekdays].sort((a, b) => a - b) };
}

export interface DayDraft {
  day: string;
  kind: CalendarDayKind | '';
  nameVi: string;
  nameEn: string;
}

export type DayErrors = Partial<Record<keyof DayDraft, string>>;

export const EMPTY_DAY: DayDraft = { day: '', kind: '', nameVi: '', nameEn: '' };

function isName(value: string): boolean {
  const length = value.trim().length;
  return length >= 2 && length <= 160;
}

export function findDayErrors(draft: DayDraft): DayErrors {
  const errors: DayErrors = {};
  if (!isLocalDate(draft.day)) errors.day = 'add.errors.date';
  if (!CALENDAR_DAY_KINDS.includes(draft.kind as CalendarDayKind)) errors.kind = 'add.errors.kind';
  if (!isName(draft.nameVi)) errors.nameVi = 'add.errors.name';
  if (!isName(draft.nameEn)) errors.nameEn = 'add.errors.name';
  return errors;
}

export function dayBodyOf(draft: DayDraft): CalendarDayBody {
  return { kind: draft.kind as CalendarDayKind, nameVi: draft.nameVi.trim(), nameEn: draft.nameEn.trim() };
}

/** The years offered: those the national list covers and the years around today's, ascending. */
export function yearChoices(nationalYears: readonly number[], currentYear: number): number[] {
  const all = new Set([...nationalYears, currentYear - 1, currentYear, currentYear + 1]);
  return [...all].sort((a, b) => a - b);
}

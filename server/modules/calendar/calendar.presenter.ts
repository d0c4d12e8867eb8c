import {
  timeOfMinutes,
  type CalendarDay,
  type CalendarYear,
  type WorkingHours,
} from '../../../shared/contracts/calendar';
import {
  nationalCalendarYear,
  NATIONAL_DAYS_BY_DATE,
  VIETNAM_NATIONAL_CALENDAR,
  type NationalCalendarDay,
} from '../../../shared/time/vietnam-holidays';
import {
  DEFAULT_WORKING_PERIODS,
  DEFAULT_WORKING_WEEKDAYS,
  isWorkingDay,
  type WorkingCalendar,
  type WorkingPeriod,
} from '../../../shared/time/working-time';
import type { CalendarDaysTable, WorkingHoursTable } from '../../db/schema';

/** A province's hours as numbers: its row, or the national default when it has none. */
export function hoursOf(row: WorkingHoursTable | undefined): {
  periods: WorkingPeriod[];
  weekdays: number[];
} {
  if (!row)
    return {
      periods: DEFAULT_WORKING_PERIODS.map(([s, e]) => [s, e]),
      weekdays: [...DEFAULT_WORKING_WEEKDAYS],
    };
  return {
    periods: JSON.parse(row.periods_json) as WorkingPeriod[],
    weekdays: JSON.parse(row.weekdays_json) as number[],
  };
}

export function toWorkingHours(row: WorkingHoursTable | undefined): WorkingHours {
  const { periods, weekdays } = hoursOf(row);
  return {
    periods: periods.map(([start, end]) => ({ start: timeOfMinutes(start), end: timeOfMinutes(end) })),
    weekdays,
    isDefault: row === undefined,
    updatedAt: row?.updated_at ?? null,
  };
}

/**
 * The national list with a province's rows on top: a province row replaces the national entry of its date
 * ('cancelled' leaves the date to its weekday), so the holiday and workday sets never share a date.
 */
export function mergeCalendar(
  hours: WorkingHoursTable | undefined,
  nationalDays: Iterable<NationalCalendarDay>,
  provinceRows: readonly Pick<CalendarDaysTable, 'day' | 'kind'>[],
): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of nationalDays) (d.kind === 'holiday' ? holidays : workdays).add(d.day);
  for (const row of provinceRows) {
    holidays.delete(row.day);
    workdays.delete(row.day);
    if (row.kind === 'holiday') holidays.add(row.day);
    if (row.kind === 'workday') workdays.add(row.day);
  }
  return { ...hoursOf(hours), holidays, workdays };
}

/** Every national entry of every year: what calendarFor merges the province's rows into. */
export function allNationalDays(): NationalCalendarDay[] {
  return VIETNAM_NATIONAL_CALENDAR.flatMap((y) => [...y.days]);
}

function toDay(
  day: string,
  provinceRow: CalendarDaysTable | undefined,
  calendar: WorkingCalendar,
): CalendarDay {
  const national = NATIONAL_DAYS_BY_DATE.get(day);
  const nationalView = national
    ? { kind: national.kind, nameVi: national.nameVi, nameEn: national.nameEn }
    : null;
  const isWorking = isWorkingDay(calendar, day);
  if (provinceRow) {
    return {
      day,
      kind: provinceRow.kind,
      nameVi: provinceRow.name_vi,
      nameEn: provinceRow.name_en,
      origin: 'province',
      isWorkingDay: isWorking,
      national: nationalView,
    };
  }
  return { ...nationalView!, day, origin: 'national', isWorkingDay: isWorking, national: null };
}

/**
 * One year of a province's calendar: every national and province entry by date, each with whether the day is worked
 * once every rule is applied, and the national list's source for the year.
 */
export function presentYear(input: {
  provinceCode: string;
  year: number;
  hours: WorkingHoursTable | undefined;
  provinceRows: readonly CalendarDaysTable[];
  actions: CalendarYear['actions'];
}): CalendarYear {
  const { provinceCode, year, hours, provinceRows, actions } = input;
  const national = nationalCalendarYear(year);
  const calendar = mergeCalendar(hours, national?.days ?? [], provinceRows);
  const byDate = new Map(provinceRows.map((r) => [r.day, r]));
  const dates = [...new Set([...(national?.days ?? []).map((d) => d.day), ...byDate.keys()])].sort();
  return {
    provinceCode,
    year,
    hours: toWorkingHours(hours),
    national: national ? { source: national.source, provisional: national.provisional } : null,
    nationalYears: VIETNAM_NATIONAL_CALENDAR.map((y) => y.year),
    days: dates.map((day) => toDay(day, byDate.get(day), calendar)),
    actions,
  };
}

/** One entry as the year view shows it (after an edit). */
export function presentDay(
  day: string,
  hours: WorkingHoursTable | undefined,
  provinceRows: readonly CalendarDaysTable[],
): CalendarDay {
  const calendar = mergeCalendar(hours, allNationalDays(), provinceRows);
  return toDay(
    day,
    provinceRows.find((r) => r.day === day),
    calendar,
  );
}

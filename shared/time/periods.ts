/**
 * Reporting periods as DHIS2 writes them (issue 12, interfaces.md §5): day `20260115`, ISO week `2026W3` (Monday
 * first, week number never zero-padded), month `202601`, quarter `2026Q1`, year `2026`. Indicator values are stored
 * per data element × unit × period; the id is the exchange key, so parsing is strict — one spelling per period.
 *
 * A period's `start`/`end` are inclusive local dates "YYYY-MM-DD" (Asia/Ho_Chi_Minh): an activity counts on the local
 * day it happened, so an instant is first turned into a local day (vietnam-time.ts) and only then into a period.
 *
 * Roll-up, fixed once for every aggregate (ROLL_UP_TARGETS):
 * - a day rolls up into its week, month, quarter and year;
 * - a month rolls up into its quarter and year, a quarter into its year;
 * - a week rolls up into nothing: weeks are their own axis. An ISO week may straddle two months or two years
 *   (2026W53 runs 28/12/2026–03/01/2027), so a month, quarter or year never contains a week; weekly and monthly
 *   totals are both summed from days, never from each other (DHIS2 does not roll weeks into months either).
 *
 * Supported years are 1900–2999; asking for a period outside them (e.g. the week of 31/12/2999, which is 3000W1)
 * throws a RangeError.
 */
import { addDays, isoWeekOf, startOfLocalDayUtc } from './vietnam-time';
import { isLocalDate, isoWeekdayOf } from './working-time';

export const PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  /** The DHIS2 ISO id, e.g. "2026W3". */
  id: string;
  type: PeriodType;
  /** First local day, "YYYY-MM-DD", inclusive. */
  start: string;
  /** Last local day, "YYYY-MM-DD", inclusive. */
  end: string;
}

/** The coarser period types a type's values are summed into; see the module comment for why weeks have none. */
export const ROLL_UP_TARGETS: Readonly<Record<PeriodType, readonly PeriodType[]>> = {
  day: ['week', 'month', 'quarter', 'year'],
  week: [],
  month: ['quarter', 'year'],
  quarter: ['year'],
  year: [],
};

export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2999;

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad2 = (n: number) => String(n).padStart(2, '0');
const inYearRange = (year: number) => year >= MIN_PERIOD_YEAR && year <= MAX_PERIOD_YEAR;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO week-year and week number of a local date (the one ISO week rule lives in vietnam-time.ts). */
function isoWeekOfDay(day: string): { year: number; week: number } {
  const [year, week] = isoWeekOf(startOfLocalDayUtc(day)).split('-W');
  return { year: Number(year), week: Number(week) };
}

/** 52 or 53: 28 December always lies in the last ISO week of its year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOfDay(`${year}-12-28`).week;
}

function dayPeriod(day: string): Period {
  return { id: day.replaceAll('-', ''), type: 'day', start: day, end: day };
}

function weekPeriod(year: number, week: number): Period {
  // 4 January is always in week 1, so week 1 starts on the Monday on or before it.
  const jan4 = `${year}-01-04`;
  const start = addDays(jan4, 1 - isoWeekdayOf(jan4) + 7 * (week - 1));
  return { id: `${year}W${week}`, type: 'week', start, end: addDays(start, 6) };
}

function monthPeriod(year: number, month: number): Period {
  const prefix = `${year}-${pad2(month)}`;
  return {
    id: `${year}${pad2(month)}`,
    type: 'month',
    start: `${prefix}-01`,
    end: `${prefix}-${pad2(daysInMonth(year, month))}`,
  };
}

function quarterPeriod(year: number, quarter: number): Period {
  const lastMonth = quarter * 3;
  return {
    id: `${year}Q${quarter}`,
    type: 'quarter',
    start: `${year}-${pad2(lastMonth - 2)}-01`,
    end: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`,
  };
}

function yearPeriod(year: number): Period {
  return { id: String(year), type: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * The period an ISO id names, or null unless the id is exactly DHIS2's spelling of a real period in 1900–2999:
 * no spaces, upper-case W/Q, no zero-padded week, no week 54 (or 53 in a 52-week year), no 30 February.
 */
export function parsePeriod(id: string): Period | null {
  const match = /^(\d{4})(?:(\d{2})(\d{2})?|W([1-9]\d?)|Q([1-4]))?$/.exec(id);
  if (!match) return null;
  const [, yearText, monthText, dayText, weekText, quarterText] = match;
  const year = Number(yearText);
  if (!inYearRange(year)) return null;
  if (dayText !== undefined) {
    const day = `${yearText}-${monthText}-${dayText}`;
    return isLocalDate(day) ? dayPeriod(day) : null;
  }
  if (monthText !== undefined) {
    const month = Number(monthText);
    return month >= 1 && month <= 12 ? monthPeriod(year, month) : null;
  }
  if (weekText !== undefined) {
    const week = Number(weekText);
    return week <= isoWeeksInYear(year) ? weekPeriod(year, week) : null;
  }
  if (quarterText !== undefined) return quarterPeriod(year, Number(quarterText));
  return yearPeriod(year);
}

/** The period of a type containing a local date "YYYY-MM-DD"; a RangeError for a malformed date or one out of range. */
export function periodOf(type: PeriodType, localDate: string): Period {
  if (!isLocalDate(localDate)) throw new RangeError(`Not a local date "YYYY-MM-DD": ${localDate}`);
  const year = Number(localDate.slice(0, 4));
  const month = Number(localDate.slice(5, 7));
  let period: Period;
  let periodYear = year;
  switch (type) {
    case 'day':
      period = dayPeriod(localDate);
      break;
    case 'week': {
      const iso = isoWeekOfDay(localDate);
      periodYear = iso.year;
      period = weekPeriod(iso.year, iso.week);
      break;
    }
    case 'month':
      period = monthPeriod(year, month);
      break;
    case 'quarter':
      period = quarterPeriod(year, Math.ceil(month / 3));
      break;
    case 'year':
      period = yearPeriod(year);
      break;
    default:
      throw new RangeError(`Unknown period type: ${String(type)}`);
  }
  if (!inYearRange(periodYear)) {
    throw new RangeError(`Period ${period.id} is outside ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`);
  }
  return period;
}

/** The period right after; a RangeError past 2999. */
export function nextPeriod(period: Period): Period {
  return periodOf(period.type, addDays(period.end, 1));
}

/** The period right before; a RangeError before 1900. */
export function previousPeriod(period: Period): Period {
  return periodOf(period.type, addDays(period.start, -1));
}

/** Every period of a type overlapping the inclusive local-date range, oldest first; empty when `fromDay` > `toDay`. */
export function periodsBetween(type: PeriodType, fromDay: string, toDay: string): Period[] {
  if (!isLocalDate(toDay)) throw new RangeError(`Not a local date "YYYY-MM-DD": ${toDay}`);
  let period = periodOf(type, fromDay);
  const periods: Period[] = [];
  if (fromDay > toDay) return periods;
  while (period.start <= toDay) {
    periods.push(period);
    if (period.end >= toDay) break;
    period = nextPeriod(period);
  }
  return periods;
}

/** The last `n` periods of a type up to and including the one containing `endingAt`, oldest first (trend charts). */
export function lastPeriods(type: PeriodType, n: number, endingAt: string): Period[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a period count: ${n}`);
  if (n === 0) return [];
  let period = periodOf(type, endingAt);
  const periods = [period];
  while (periods.length < n) {
    period = previousPeriod(period);
    periods.push(period);
  }
  return periods.reverse();
}

/** The coarser periods a period's values roll up into (ROLL_UP_TARGETS), finest first; none for a week or a year. */
export function parentPeriods(period: Period): Period[] {
  return ROLL_UP_TARGETS[period.type].map((type) => periodOf(type, period.start));
}

/**
 * Whether `inner`'s values are counted in `outer`: the same period, or one of its roll-up parents. A month never
 * contains a week and a week contains only its days, even where the dates would fit.
 */
export function containsPeriod(outer: Period, inner: Period): boolean {
  return outer.id === inner.id || parentPeriods(inner).some((parent) => parent.id === outer.id);
}

/** "dd/mm/yyyy" of a local date. */
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
/** "dd/mm" of a local date. */
const dm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

function weekParts(period: Period): { year: string; week: string; range: string } {
  return {
    year: period.id.slice(0, 4),
    week: period.id.slice(5),
    range: `${dm(period.start)}–${dm(period.end)}`,
  };
}

/** A Vietnamese label: "15/01/2026", "Tuần 3/2026 (12/01–18/01)", "Tháng 01/2026", "Quý I/2026", "Năm 2026". */
export function formatPeriodVi(period: Period): string {
  const year = period.start.slice(0, 4);
  switch (period.type) {
    case 'day':
      return dmy(period.start);
    case 'week': {
      const parts = weekParts(period);
      return `Tuần ${parts.week}/${parts.year} (${parts.range})`;
    }
    case 'month':
      return `Tháng ${period.start.slice(5, 7)}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[Number(period.id.slice(5)) - 1]}/${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

/** An English label: "15/01/2026", "Week 3 2026 (12/01–18/01)", "January 2026", "Q1 2026", "2026". */
export function formatPeriodEn(period: Period): string {
  const year = period.start.slice(0, 4);
  switch (period.type) {
    case 'day':
      return dmy(period.start);
    case 'week': {
      const parts = weekParts(period);
      return `Week ${parts.week} ${parts.year} (${parts.range})`;
    }
    case 'month':
      return `${ENGLISH_MONTHS[Number(period.start.slice(5, 7)) - 1]} ${year}`;
    case 'quarter':
      return `Q${period.id.slice(5)} ${year}`;
    case 'year':
      return year;
  }
}

/** The working-day calendar's tables (migration 0010): a province's working hours and its own days. */

/** 0010: a province's own working hours; no row = the national default. Periods in minutes after local midnight. */
export interface WorkingHoursTable {
  province_code: string;
  /** [[start, end], …] minutes after local midnight, ascending, non-overlapping. */
  periods_json: string;
  /** ISO weekdays normally worked, 1 = Monday … 7 = Sunday. */
  weekdays_json: string;
  updated_at: string;
  updated_by: string | null;
}

/** 0010: a province's row for a local date, replacing the national entry of that date for the province. */
export interface CalendarDaysTable {
  province_code: string;
  /** Local date "YYYY-MM-DD" (Asia/Ho_Chi_Minh). */
  day: string;
  kind: 'holiday' | 'workday' | 'cancelled';
  name_vi: string;
  name_en: string;
  created_at: string;
  created_by: string | null;
}

// The personal-data tables (issue 9) live in their own file; re-exported so every import stays `db/schema`.

/**
 * Local calendar days of Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving): membership periods and
 * decision dates are days as people say them, while timestamps stay UTC in storage.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** "YYYY-MM-DD" of the instant in Vietnam. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day before a local date ("YYYY-MM-DD"). */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Vietnam's clock (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving, so a fixed offset is exact. People speak
 * in local calendar days (membership periods, decision dates, "records of 28/11") while timestamps stay UTC in
 * storage; every conversion between the two lives here, for the server, the web app and scripts alike.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of the instant in Vietnam. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day before a local date ("YYYY-MM-DD"). */
export function previousDay(day: string): string {
  return addDays(day, -1);
}

/** A local date moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Local day "YYYY-MM-DD" → the UTC instant its midnight falls on. */
export function startOfLocalDayUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** The UTC instant that ends a local day (exclusive upper bound of an inclusive `to`). */
export function endOfLocalDayUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS + DAY_MS).toISOString();
}

/** "dd/mm/yyyy HH:mm" in Vietnam, the way officials write a time in their reports. */
export function formatLocalDateTime(isoUtc: string): string {
  const t = new Date(Date.parse(isoUtc) + VIETNAM_OFFSET_MS).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

/** ISO 8601 week ("2026-W48") of the local day the instant falls on. */
export function isoWeekOf(isoUtc: string): string {
  const local = new Date(Date.parse(isoUtc) + VIETNAM_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

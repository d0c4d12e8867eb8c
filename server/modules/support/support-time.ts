import { VIETNAM_OFFSET_MS } from '../teams/index';

const DAY_MS = 86_400_000;

/** Local day "YYYY-MM-DD" (Asia/Ho_Chi_Minh) → the UTC instant its midnight falls on. */
export function startOfLocalDayUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** The UTC instant that ends a local day (exclusive upper bound of an inclusive `to`). */
export function endOfLocalDayUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS + DAY_MS).toISOString();
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
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

import type { Schedule } from './job-definition';
import { VIETNAM_OFFSET_MS } from '../../../shared/time/vietnam-time';

const DAY_MS = 86_400_000;

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 3_600_000;

/** Delay before retry number `attempt` (1-based): 30 s, 1 min, 2 min … capped at 1 h. */
export function computeBackoffMs(attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  // 2^7 × 30 s already exceeds the cap; clamping the exponent keeps the arithmetic finite for any attempt.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 20));
}

/** 'HH:MM' → minutes after local midnight; throws on anything else so a typo fails at boot. */
export function parseDailyAt(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`dailyAt must be 'HH:MM' (24-hour), got '${value}'`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function validateSchedule(schedule: Schedule): void {
  if ('every' in schedule) {
    const s = schedule.every.seconds;
    if (!Number.isInteger(s) || s < 1) throw new Error(`Schedule ${schedule.name}: every.seconds must be a positive integer`);
  } else {
    parseDailyAt(schedule.dailyAt);
  }
}

/**
 * Start of the slot that contains `now`. Interval slots are aligned to the Unix epoch so every server computes
 * the same boundaries; daily slots start at the latest local HH:MM not after `now`.
 */
export function computeSlotStart(schedule: Schedule, now: Date): Date {
  const ms = now.getTime();
  if ('every' in schedule) {
    const period = schedule.every.seconds * 1000;
    return new Date(Math.floor(ms / period) * period);
  }
  const local = ms + VIETNAM_OFFSET_MS;
  let slotLocal = Math.floor(local / DAY_MS) * DAY_MS + parseDailyAt(schedule.dailyAt) * 60_000;
  if (slotLocal > local) slotLocal -= DAY_MS;
  return new Date(slotLocal - VIETNAM_OFFSET_MS);
}

/** The unique key of a slot: two servers ticking at once enqueue it once. */
export function slotKey(name: string, slotStart: Date): string {
  return `${name}@${slotStart.toISOString()}`;
}

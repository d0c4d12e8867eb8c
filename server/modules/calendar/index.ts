/**
 * The working-day calendar's public surface:
 * - createCalendarModule / registerCalendarRoutes for the composition root;
 * - `calendarFor(provinceCode)` for every module that counts a deadline, with the pure counting functions of
 *   shared/time/working-time.ts re-exported beside it (modules may also import them from shared directly).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { createCalendarRepository } from './calendar.repository';
import { createCalendarService } from './calendar.service';

export { registerCalendarRoutes } from './calendar.routes';
export type { CalendarService } from './calendar.service';
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  isWorkingDay,
  isWorkingTime,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../../../shared/time/working-time';

export function createCalendarModule(deps: { db: Kysely<DB>; clock: Clock }) {
  return createCalendarService({
    db: deps.db,
    calendar: createCalendarRepository(deps.db),
    clock: deps.clock,
  });
}

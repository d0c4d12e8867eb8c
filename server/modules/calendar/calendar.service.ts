import type { Kysely, Transaction } from 'kysely';
import {
  minutesOfTime,
  WORKING_HOURS_PROBLEM_MESSAGES,
  type CalendarDay,
  type CalendarDayBody,
  type CalendarYear,
  type WorkingHours,
  type WorkingHoursBody,
} from '../../../shared/contracts/calendar';
import { NATIONAL_DAYS_BY_DATE } from '../../../shared/time/vietnam-holidays';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { findWorkingHoursProblems, type WorkingCalendar } from '../../../shared/time/working-time';
import type { CalendarDaysTable, DB, WorkingHoursTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { AppError, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { resolveUnitPlacement } from '../geography/index';
import type { CalendarRepository } from './calendar.repository';
import { calendarActions, mayManageCalendar } from './calendar.policy';
import {
  allNationalDays,
  mergeCalendar,
  presentDay,
  presentYear,
  toWorkingHours,
} from './calendar.presenter';

/** Years a province may keep days for: the span the API reads (GET ?year=). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const provinceNotFound = () => notFound('Unknown province code.', 'Không tìm thấy tỉnh, thành phố.');

export function createCalendarService(deps: { db: Kysely<DB>; calendar: CalendarRepository; clock: Clock }) {
  const { db, calendar, clock } = deps;

  async function requireProvince(provinceCode: string): Promise<void> {
    const unit = await resolveUnitPlacement(db, provinceCode);
    if (!unit || unit.level !== 'province') throw provinceNotFound();
  }

  /** Edits are the province administrators' of that province; anonymous callers are asked to sign in. */
  function assertMayManage(actor: Actor, provinceCode: string): void {
    requireSignedIn(actor);
    if (!mayManageCalendar(actor, provinceCode)) throw new AppError('FORBIDDEN');
  }

  /**
   * The working calendar deadlines in a province are counted in: the national list of every year merged with the
   * province's own days, and its hours (the default when it set none). Read fresh each call (two small queries), so
   * an edit on any server counts at once. For other modules: no caller check, the calendar is public.
   */
  async function calendarFor(provinceCode: string): Promise<WorkingCalendar> {
    const [hours, rows] = await Promise.all([
      calendar.findHours(provinceCode),
      calendar.listAllDays(provinceCode),
    ]);
    return mergeCalendar(hours, allNationalDays(), rows);
  }

  /** Every entry of a year for a province with its origin, the national source text and provisional flag. */
  async function describeYear(provinceCode: string, year: number, actor?: Actor): Promise<CalendarYear> {
    const [hours, rows] = await Promise.all([
      calendar.findHours(provinceCode),
      calendar.listDays(provinceCode, `${year}-01-01`, `${year}-12-31`),
    ]);
    const actions = actor ? calendarActions(actor, provinceCode) : [];
    return presentYear({ provinceCode, year, hours, provinceRows: rows, actions });
  }

  /** GET /calendars/{provinceCode}: public; the year defaults to the current one in Vietnam. */
  async function readYear(actor: Actor, provinceCode: string, year?: number): Promise<CalendarYear> {
    await requireProvince(provinceCode);
    return describeYear(provinceCode, year ?? Number(localDateOf(clock.now()).slice(0, 4)), actor);
  }

  /** Replaces the province's working hours. Audited with before/after; the body passed the contract's checks. */
  async function setHours(
    actor: Actor,
    provinceCode: string,
    body: WorkingHoursBody,
    ctx: AuditContext,
  ): Promise<WorkingHours> {
    assertMayManage(actor, provinceCode);
    await requireProvince(provinceCode);
    const periods = body.periods.map(
      (p) => [minutesOfTime(p.start), minutesOfTime(p.end)] as [number, number],
    );
    // The contract checks the same rules; this keeps an unusable calendar out of storage whoever calls.
    const problems = findWorkingHoursProblems(periods, body.weekdays);
    if (problems.length > 0) {
      throw validation(
        problems.map((p) => ({
          path: ['body', ...p.path].join('.'),
          message: WORKING_HOURS_PROBLEM_MESSAGES[p.code].en,
          messageVi: WORKING_HOURS_PROBLEM_MESSAGES[p.code].vi,
        })),
      );
    }
    const before = await calendar.findHours(provinceCode);
    const row: WorkingHoursTable = {
      province_code: provinceCode,
      periods_json: JSON.stringify(periods),
      weekdays_json: JSON.stringify([...body.weekdays].sort((a, b) => a - b)),
      updated_at: ctx.at,
      updated_by: actorUserId(actor),
    };
    await db.transaction().execute(async (trx) => {
      await calendar.upsertHours(row, trx);
      await recordAudit(trx, ctx, {
        action: 'calendar.hours.updated',
        entityType: 'working_hours',
        entityId: provinceCode,
        provinceCode,
        before: toWorkingHours(before),
        after: toWorkingHours(row),
      });
      await recordEvent(
        trx,
        {
          type: 'calendar.changed',
          entityType: 'working_hours',
          entityId: provinceCode,
          payload: { provinceCode },
        },
        ctx.at,
      );
    });
    return toWorkingHours(row);
  }

  function assertDayInRange(day: string): void {
    const year = Number(day.slice(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw validation([
        {
          path: 'params.day',
          message: `The year must be between ${FIRST_YEAR} and ${LAST_YEAR}.`,
          messageVi: `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}.`,
        },
      ]);
    }
  }

  /**
   * Adds or replaces the province's row for a date: a day off, a working day, or the cancellation of the national
   * entry (refused when the national list has none that day). Audited with before/after.
   */
  async function setDay(
    actor: Actor,
    provinceCode: string,
    day: string,
    body: CalendarDayBody,
    ctx: AuditContext,
  ): Promise<CalendarDay> {
    assertMayManage(actor, provinceCode);
    assertDayInRange(day);
    await requireProvince(provinceCode);
    if (body.kind === 'cancelled' && !NATIONAL_DAYS_BY_DATE.has(day)) {
      throw validation([
        {
          path: 'body.kind',
          message: 'The national list has nothing on this date to cancel.',
          messageVi: 'Ngày này không có trong lịch nghỉ chung của cả nước nên không thể huỷ.',
        },
      ]);
    }
    const before = await calendar.findDay(provinceCode, day);
    const row: CalendarDaysTable = {
      province_code: provinceCode,
      day,
      kind: body.kind,
      name_vi: body.nameVi,
      name_en: body.nameEn,
      created_at: ctx.at,
      created_by: actorUserId(actor),
    };
    await db.transaction().execute(async (trx) => {
      await calendar.upsertDay(row, trx);
      await recordDayChange(trx, ctx, {
        action: 'calendar.day.set',
        provinceCode,
        day,
        before: before ?? null,
        after: row,
      });
    });
    const [hours, rows] = await Promise.all([
      calendar.findHours(provinceCode),
      calendar.listAllDays(provinceCode),
    ]);
    return presentDay(day, hours, rows);
  }

  /** Removes the province's row for a date, so the national list (or the weekday) decides again. */
  async function removeDay(
    actor: Actor,
    provinceCode: string,
    day: string,
    ctx: AuditContext,
  ): Promise<void> {
    assertMayManage(actor, provinceCode);
    const before = await calendar.findDay(provinceCode, day);
    if (!before) {
      throw notFound(
        'This province has no own entry on that date.',
        'Tỉnh không có ngày riêng nào vào ngày này.',
      );
    }
    await db.transaction().execute(async (trx) => {
      await calendar.deleteDay(provinceCode, day, trx);
      await recordDayChange(trx, ctx, {
        action: 'calendar.day.removed',
        provinceCode,
        day,
        before,
        after: null,
      });
    });
  }

  return { calendarFor, describeYear, readYear, setHours, setDay, removeDay };
}

/** A province's day changed: the audit row (before/after) and the `calendar.changed` event, in the caller's transaction. */
async function recordDayChange(
  trx: Transaction<DB>,
  ctx: AuditContext,
  change: { action: string; provinceCode: string; day: string; before: unknown; after: unknown },
) {
  const entityId = `${change.provinceCode}:${change.day}`;
  await recordAudit(trx, ctx, {
    action: change.action,
    entityType: 'calendar_day',
    entityId,
    provinceCode: change.provinceCode,
    before: change.before,
    after: change.after,
  });
  await recordEvent(
    trx,
    {
      type: 'calendar.changed',
      entityType: 'calendar_day',
      entityId,
      payload: { provinceCode: change.provinceCode, day: change.day },
    },
    ctx.at,
  );
}
export type CalendarService = ReturnType<typeof createCalendarService>;

import type { Kysely, Transaction } from 'kysely';
import type { CalendarDaysTable, DB, WorkingHoursTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** A province's working hours and its own calendar days. Kysely only: merging with the national list is the service's. */
export function createCalendarRepository(db: Kysely<DB>) {
  return {
    findHours(provinceCode: string, ex: Executor = db) {
      return ex
        .selectFrom('working_hours')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .executeTakeFirst();
    },
    /** One statement on both dialects, so two admins saving at once leave one row. */
    async upsertHours(row: WorkingHoursTable, ex: Executor = db) {
      await ex
        .insertInto('working_hours')
        .values(row)
        .onConflict((oc) =>
          oc.column('province_code').doUpdateSet({
            periods_json: row.periods_json,
            weekdays_json: row.weekdays_json,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
          }),
        )
        .execute();
    },
    /** The province's rows with `from <= day <= to` (local dates compare as text), by date. */
    listDays(provinceCode: string, from: string, to: string, ex: Executor = db) {
      return ex
        .selectFrom('calendar_days')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .execute();
    },
    /** Every row of the province: a deadline may run across years, so calendarFor takes them all (a few dozen). */
    listAllDays(provinceCode: string, ex: Executor = db) {
      return ex.selectFrom('calendar_days').selectAll().where('province_code', '=', provinceCode).execute();
    },
    findDay(provinceCode: string, day: string, ex: Executor = db) {
      return ex
        .selectFrom('calendar_days')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('day', '=', day)
        .executeTakeFirst();
    },
    async upsertDay(row: CalendarDaysTable, ex: Executor = db) {
      await ex
        .insertInto('calendar_days')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['province_code', 'day']).doUpdateSet({
            kind: row.kind,
            name_vi: row.name_vi,
            name_en: row.name_en,
            created_at: row.created_at,
            created_by: row.created_by,
          }),
        )
        .execute();
    },
    async deleteDay(provinceCode: string, day: string, ex: Executor = db) {
      await ex
        .deleteFrom('calendar_days')
        .where('province_code', '=', provinceCode)
        .where('day', '=', day)
        .execute();
    },
  };
}
export type CalendarRepository = ReturnType<typeof createCalendarRepository>;

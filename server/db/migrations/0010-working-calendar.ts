import type { Kysely } from 'kysely';

/**
 * The working-day calendar of each province (issue 9). The national public holidays live in code
 * (shared/time/vietnam-holidays.ts); these tables hold only what a province changes on top of them.
 *
 * - working_hours: one row per province that left the default hours (Mon–Fri 07:30–11:30, 13:30–17:00).
 *   `periods_json` is [[start, end], …] in minutes after local midnight, `weekdays_json` ISO weekdays [1..7].
 * - calendar_days: one row per (province, local date "YYYY-MM-DD"); it replaces the national entry of that date for
 *   the province. kind 'holiday' adds a day off, 'workday' a working day, 'cancelled' removes the national entry.
 *   The primary key is the only index needed: every read is one province's dates in a range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('working_hours')
    .addColumn('province_code', 'text', (c) => c.primaryKey())
    .addColumn('periods_json', 'text', (c) => c.notNull())
    .addColumn('weekdays_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('calendar_days_pk', ['province_code', 'day'])
    .execute();
}

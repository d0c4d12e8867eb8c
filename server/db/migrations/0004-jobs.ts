import type { Kysely } from 'kysely';

/**
 * Delivery bookkeeping for the job path.
 * - events: a claim lease, so two servers never dispatch one event at the same time, and a failed dispatch
 *   waits (lease_until doubles as "not before") with its attempt count and error kept for operators.
 * - notifications: which channels a row serves. A row is kept even when the in-app channel is off, because the
 *   webhook and the daily digest deliver from it; digest_pending marks rows waiting for the next digest.
 * - jobs: finished rows are pruned by status and age.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('lease_until', 'text').execute();
  await db.schema.alterTable('events').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('events').addColumn('last_error', 'text').execute();

  await db.schema.alterTable('notifications').addColumn('in_app', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .alterTable('notifications')
    .addColumn('digest_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('notifications').addColumn('digested_at', 'text').execute();
  await db.schema
    .createIndex('notifications_digest_idx')
    .on('notifications')
    .columns(['digest_pending', 'user_id', 'id'])
    .execute();

  await db.schema.createIndex('jobs_status_updated_idx').on('jobs').columns(['status', 'updated_at']).execute();
}

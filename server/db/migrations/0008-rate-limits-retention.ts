import type { Kysely } from 'kysely';

/**
 * - rate_limit_counters: request counts every server sees, so several servers enforce one limit. One row per
 *   (limit, caller, window); `bucket` is a hash of the three, so no account id or client address is stored.
 *   Each server adds its local counts in one batched upsert every ~250 ms (platform/rate-limit/shared-counter.ts);
 *   rows past `expires_at` are pruned by the housekeeping jobs.
 * - mail_outbox: an index for pruning delivered mail by status and age.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_expires_idx')
    .on('rate_limit_counters')
    .column('expires_at')
    .execute();
  await db.schema
    .createIndex('mail_outbox_status_created_idx')
    .on('mail_outbox')
    .columns(['status', 'created_at'])
    .execute();
}

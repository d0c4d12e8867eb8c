import type { Kysely } from 'kysely';

/**
 * sign_in_throttles: failed sign-ins counted where every server sees them, so two servers on one database slow the
 * same guesser. One row per (identifier + client address) and per client address; `key` is a hash, so no e-mail,
 * phone number or address is stored. A row is bumped by one upsert per failure (atomic on both databases) and
 * pruned once `expires_at` has passed. Replaces the per-account lock (users.failed_logins / locked_until stay,
 * unused, since migrations are additive).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_throttles_expires_idx')
    .on('sign_in_throttles')
    .column('expires_at')
    .execute();
}

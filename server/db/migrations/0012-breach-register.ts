import type { Kysely } from 'kysely';

/**
 * The register of personal-data breaches (issue 9; Law 91/2025, Decree 356/2025 — notification to the Ministry of
 * Public Security within 72 hours of discovery, Decree 13/2023's rule kept until the new deadline is confirmed).
 * One row per breach of a province: what happened, whose data, the clock (notify_by = discovered_at + 72 h), and
 * the fields the notification form asks for. Never deleted; every change is audited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('personal_data_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('notify_by', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('data_categories_json', 'text', (c) => c.notNull())
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('subjects_count', 'integer')
    .addColumn('consequences', 'text')
    .addColumn('measures', 'text')
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addColumn('notified_to', 'text')
    .addColumn('notification_ref', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('personal_data_breaches_province_idx')
    .on('personal_data_breaches')
    .columns(['province_code', 'discovered_at', 'id'])
    .execute();
}

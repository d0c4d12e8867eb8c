import type { Kysely } from 'kysely';

/**
 * Data-subject requests (issue 9; Law 91/2025: answered within 2 working days). A request is filed without an
 * account and proven by a one-time code sent to the phone or e-mail it is about (only the code's hash is kept). The
 * contact is sealed like every contact (contact_hash finds it); `code` is the public tracking code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_subject_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact_kind', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('contact_hash', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('otp_hash', 'text')
    .addColumn('otp_expires_at', 'text')
    .addColumn('otp_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('resolution', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('data_subject_requests_queue_idx')
    .on('data_subject_requests')
    .columns(['province_code', 'status', 'due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('data_subject_requests_contact_idx')
    .on('data_subject_requests')
    .column('contact_hash')
    .execute();
}

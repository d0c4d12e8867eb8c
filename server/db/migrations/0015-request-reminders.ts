import type { Kysely } from 'kysely';

/** When the handlers were reminded of a data-subject request: once as it falls due, once when overdue. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('data_subject_requests').addColumn('reminded_due_at', 'text').execute();
  await db.schema.alterTable('data_subject_requests').addColumn('reminded_overdue_at', 'text').execute();
}

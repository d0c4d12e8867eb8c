import type { Kysely } from 'kysely';

/**
 * Consent on support records as a record of its own (issue 9, Law 91/2025): beside `consent` (given or not), the
 * version of the register's consent text the member read aloud (shared/privacy/register.ts, purpose
 * "support_records"), and when it was withdrawn. The record itself already says who recorded it (author), for whom
 * (the person helped, anonymous), when (occurred_at) and how (in person, on the capture page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('support_records').addColumn('consent_version', 'text').execute();
  await db.schema.alterTable('support_records').addColumn('consent_withdrawn_at', 'text').execute();
}

import type { Kysely } from 'kysely';

/**
 * Help requests (issue 11): a citizen, or a relative, asks the hamlet's team to come and help.
 *
 * - `help_requests`: one row per request, placed in the unit tree (province, commune, hamlet) and, for team
 *   members' scopes, at the hamlet of the team it was routed to (`team_hamlet_id`, like support records). The
 *   requester's phone, name and address are sealed (platform/crypto/sealed-columns.ts); the phone hash finds them
 *   for data-subject requests and the per-phone rate limit. `call_due_at` is 2 working days after filing on the
 *   province's calendar; `first_contact_at` is set by the first call (scheduled, not reached, done).
 * - `help_request_updates`: the timeline of states (the public page shows states and times only).
 * - `help_request_submissions`: idempotency keys (the client-made id), as cases do.
 * - `help_request_code_counters`: the day's sequence behind YCHT.yyyymmdd.nnnn, per province.
 * - `help_request_settings`: a province's retention period after closing (default 90 days).
 * - support_records.help_request_id (0005) gets an index: the completion watch reads records by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('hamlet_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('team_hamlet_id', 'text')
    .addColumn('routed_to', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text')
    .addColumn('need_text', 'text', (c) => c.notNull())
    .addColumn('preferred_time', 'text')
    .addColumn('address', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_phone_hash', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('assigned_member_id', 'text')
    .addColumn('assigned_user_id', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('scheduled_for', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('call_due_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('support_record_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('contact_anonymised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Staff lists: a commune's requests newest first; a team's open requests; the reminder watch; retention.
  await db.schema
    .createIndex('help_requests_unit_idx')
    .on('help_requests')
    .columns(['province_code', 'commune_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('help_requests_team_idx')
    .on('help_requests')
    .columns(['team_id', 'state'])
    .execute();
  await db.schema
    .createIndex('help_requests_call_due_idx')
    .on('help_requests')
    .columns(['state', 'call_due_at'])
    .execute();
  await db.schema
    .createIndex('help_requests_phone_idx')
    .on('help_requests')
    .column('contact_phone_hash')
    .execute();
  await db.schema.createIndex('help_requests_closed_idx').on('help_requests').column('closed_at').execute();

  await db.schema
    .createTable('help_request_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('help_request_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('help_request_updates_request_idx')
    .on('help_request_updates')
    .columns(['help_request_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('help_request_submissions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('help_request_id', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('help_request_code_counters')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('help_request_code_counters_pk', ['province_code', 'day'])
    .execute();

  await db.schema
    .createTable('help_request_settings')
    .addColumn('province_code', 'text', (c) => c.primaryKey())
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('support_records_help_request_idx')
    .on('support_records')
    .column('help_request_id')
    .execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * Consent records (issue 9, Law 91/2025 art. 9–12): one row wherever consent is the legal basis — for which purpose
 * of the register, which text version, given how (web, phone call, in person), recorded by whom (a member, or the
 * person themselves on the web: null), for which record (subject_type + subject_id), and the citizen's contact hash
 * when the module holds a contact (so a withdrawal request by phone or e-mail finds every consent). Withdrawal is
 * recorded on the row (when, how, by whom) and carried out by the owning module's hook.
 *
 * Support records made with consent before this migration get their row from the record itself: in person, by its
 * author, when the help took place; one made before the text versions were kept (migration 0013) says 'unrecorded'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consent_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('contact_hash', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawal_channel', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema
    .createIndex('consent_records_subject_idx')
    .on('consent_records')
    .columns(['subject_type', 'subject_id'])
    .unique()
    .execute();
  await db.schema.createIndex('consent_records_contact_idx').on('consent_records').column('contact_hash').execute();
  await db.schema
    .createIndex('consent_records_purpose_idx')
    .on('consent_records')
    .columns(['province_code', 'purpose', 'given_at'])
    .execute();
  await backfillSupportConsents(db);
}

/**
 * The consent rows of support records made before this migration. The record's own id serves as the consent's id:
 * one consent per record, and no id generator both databases share is needed. Exported for its test, which compares
 * it with what the live ingest writes.
 */
export async function backfillSupportConsents<T>(db: Kysely<T>): Promise<void> {
  await sql`
    INSERT INTO consent_records
      (id, province_code, purpose, text_version, channel, subject_type, subject_id, contact_hash, recorded_by,
       given_at, withdrawn_at, withdrawal_channel, withdrawn_by)
    SELECT id, province_code, 'support_records', COALESCE(consent_version, 'unrecorded'), 'in_person', 'support_record', id,
       NULL, author_user_id, occurred_at, consent_withdrawn_at, NULL, NULL
    FROM support_records
    WHERE consent = 1
      AND NOT EXISTS (SELECT 1 FROM consent_records c WHERE c.subject_type = 'support_record' AND c.subject_id = support_records.id)
  `.execute(db);
}

import type { Kysely } from 'kysely';

/**
 * Sealed contact data (issue 9, Law 91/2025). Phone columns keep their names and now hold sealed values
 * (`s1.<key version>.<nonce>.<ciphertext>`, server/platform/crypto/sealing.ts); beside each, a keyed hash of the
 * normalised number (+84…) for equality look-ups, uniqueness and data-subject requests — the same hash context
 * ("phone") in every table, so one number is found everywhere. Rows written before this migration are sealed when
 * the server starts (server/platform/crypto/sealed-columns.ts).
 *
 * - users.phone_hash is unique: one account per number (users.phone's own unique constraint stays, and is moot now
 *   that every sealed value differs).
 * - personal_data_access: every "reveal" of a full value by staff — who, whose record, which field, why, when —
 *   readable by province administrators. Kept like the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone_hash', 'text').execute();
  await db.schema.createIndex('users_phone_hash_idx').unique().on('users').column('phone_hash').execute();

  await db.schema.alterTable('team_members').addColumn('phone_hash', 'text').execute();
  await db.schema.createIndex('team_members_phone_hash_idx').on('team_members').column('phone_hash').execute();

  await db.schema.alterTable('teams').addColumn('contact_phone_hash', 'text').execute();
  await db.schema.createIndex('teams_contact_phone_hash_idx').on('teams').column('contact_phone_hash').execute();

  await db.schema
    .createTable('personal_data_access')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .execute();
  await db.schema
    .createIndex('personal_data_access_province_at_idx')
    .on('personal_data_access')
    .columns(['province_code', 'at', 'id'])
    .execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * Geography additions. One active hamlet per folded name in a commune is a rule the service checks; this
 * partial unique index makes it hold under concurrent writes too (two officers creating "Ấp 1" at once).
 * Partial indexes exist on SQLite and PostgreSQL alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('hamlets_active_name_uq')
    .on('hamlets')
    .columns(['commune_code', 'search_text'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createIndex('hamlets_province_idx')
    .on('hamlets')
    .columns(['province_code', 'status'])
    .execute();
}

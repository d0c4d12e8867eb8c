import { sql, type Kysely, type SqlBool } from 'kysely';

/**
 * The public map adds to its overview (rebuilt every minute) the cases published since the rebuild: a handful of
 * rows, found by this range on (province, published_at) instead of every case of the box (issue 10).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_published_idx')
    .on('cases')
    .columns(['province_code', 'published_at'])
    .where(sql<SqlBool>`published_at is not null and hidden = 0`)
    .execute();
}

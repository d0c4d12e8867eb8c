import { sql, type Kysely, type SqlBool } from 'kysely';

/**
 * The review queue, indexed by itself: the homes count records awaiting review per commune and per team hamlet, and
 * without these only a scan of every record of the scope could find them (a province holds millions). Partial, so
 * each index holds only the queue — a few rows per team — and a count reads just those. Queries must repeat the
 * predicate with the same literals (SQLite matches a partial index only on literal terms, not bound parameters).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const queue = sql<SqlBool>`state = 'active' and review_status = 'pending'`;
  await db.schema
    .createIndex('support_records_queue_commune_idx')
    .on('support_records')
    .columns(['province_code', 'commune_code'])
    .where(queue)
    .execute();
  await db.schema
    .createIndex('support_records_queue_team_hamlet_idx')
    .on('support_records')
    .column('team_hamlet_id')
    .where(queue)
    .execute();
}

import { sql, type Kysely } from 'kysely';
import { foldText } from '../../../shared/text/fold';

/**
 * Users get a folded search column (like units, hamlets and teams), so "nguyen van" finds "Nguyễn Văn …" in SQL
 * on both dialects instead of the app reading and folding every user in scope. Existing rows are backfilled here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const rows = await sql<{ id: string; name: string }>`select id, name from users`.execute(db);
  for (const row of rows.rows) {
    await sql`update users set search_text = ${foldText(row.name)} where id = ${row.id}`.execute(db);
  }
}

import { sql, type Kysely, type SqlBool } from 'kysely';

/**
 * A list page of a map box ("newest reports here" at commune zoom, issue 10's bbox benchmark): with every filter
 * column and submitted_at in one partial covering index, the page is picked from the index alone (a box of ~2,000
 * reports sorted among the index's entries, ~2 ms) and only the page's rows are read — instead of every row of the
 * box read from the table to sort them (12–22 ms at 100,000 reports). Added beside cases_map_idx (migrations are
 * additive: an installed app may still read the old one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_map_list_idx')
    .on('cases')
    .columns([
      'province_code',
      'lat',
      'lng',
      'kind',
      'state',
      'category_code',
      'commune_code',
      'submitted_at',
      'id',
      // The partial condition's own columns: SQLite counts an index as covering only if it holds every column the
      // query names, those of the WHERE it matched included.
      'published_at',
      'hidden',
    ])
    .where(sql<SqlBool>`published_at is not null and hidden = 0`)
    .execute();
}

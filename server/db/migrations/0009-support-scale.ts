import { sql, type Kysely } from 'kysely';

/**
 * The support log at province scale.
 *
 * `team_hamlet_id`: the hamlet of the team that made the record (null for a commune-level team). Review rights
 * follow the team, not the place where the person was helped (a member may record help anywhere in the team's
 * commune), so hamlet-level grants are tested against this column in SQL and in the policy. A team's hamlet never
 * changes (teams are merged or dissolved, not moved), so the copy cannot go stale.
 *
 * Indexes: every list is newest first, keyset-paged on (occurred_at, id); each index ends with those two columns
 * so a page is a range read in index order, whatever the scope (province, commune, team's hamlet) or the narrow
 * filter (team, member, author, place), with no full scan and no sort. The 0005 indexes lacked `id` (SQLite then
 * sorts ties in a temporary b-tree) or had commune_code between province_code and occurred_at (a province's list
 * sorted the whole province for each page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('support_records').addColumn('team_hamlet_id', 'text').execute();
  await sql`update support_records set team_hamlet_id =
    (select teams.hamlet_id from teams where teams.id = support_records.team_id)`.execute(db);

  const orderIndexes: [string, string[]][] = [
    ['support_records_province_order_idx', ['province_code']],
    ['support_records_commune_order_idx', ['province_code', 'commune_code']],
    ['support_records_team_hamlet_order_idx', ['team_hamlet_id']],
    ['support_records_team_order_idx', ['team_id']],
    ['support_records_member_order_idx', ['member_id']],
    ['support_records_author_order_idx', ['author_user_id']],
    ['support_records_hamlet_order_idx', ['hamlet_id']],
    // Withdrawn records are rare (≈ 0.3 %): listing them for a province would otherwise read it all in order.
    ['support_records_province_state_order_idx', ['province_code', 'state']],
  ];
  for (const [name, lead] of orderIndexes) {
    await db.schema
      .createIndex(name)
      .on('support_records')
      .columns([...lead, 'occurred_at', 'id'])
      .execute();
  }
}

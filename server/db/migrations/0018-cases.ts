import { sql, type Kysely, type SqlBool } from 'kysely';

/**
 * The case engine (issue 10): citizens' on-the-spot reports and petitions (phản ánh, kiến nghị) and teams'
 * difficulties and proposals, handled by agencies (cơ quan xử lý) placed in the unit tree.
 *
 * - `agencies`: a province department, a commune office, a utility… at province level (commune_code null) or in a
 *   commune; `grants.agency_id` scopes an `agency_handler` grant to one agency.
 * - `case_categories`: a province's categories in plain words (≤ 20, one of them "Khác"), each an Open311 service;
 *   `attributes_json` holds the extra questions of a service definition.
 * - `case_routing_rules`: category × unit → agency (commune_code null = the whole province).
 * - `cases`: one row per case; the reporter's name, phone and e-mail sealed (hashes find them for data-subject
 *   requests and blocking); deadlines stored as instants computed on the working-day calendar.
 * - `case_updates`: the timeline — state changes, internal notes (public = 0) and public updates, the answer.
 * - `case_files`: photos of a report or of an answer, in the platform's file storage.
 * - `case_supporters` ("me too", one per device hash), `case_followers` (e-mail, sealed), `case_extensions`
 *   (deadline extension asked with a reason, decided by a supervisor), `case_reply_templates`, `case_blocked_senders`.
 * - `case_submissions`: idempotency keys (a client-made id, or an Open311 key + content digest for 24 h).
 * - `case_code_counters`: the day's sequence behind PAKN.yyyymmdd.nnnn, per province.
 * - `case_settings`: a province's deadline policy and retention period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agencies_unit_idx')
    .on('agencies')
    .columns(['province_code', 'commune_code', 'name'])
    .execute();

  await db.schema.alterTable('grants').addColumn('agency_id', 'text').execute();
  await db.schema.createIndex('grants_agency_idx').on('grants').column('agency_id').execute();

  await db.schema
    .createTable('case_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_vi', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('kinds_json', 'text', (c) => c.notNull())
    .addColumn('default_severity', 'text', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('is_other', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_categories_code_idx')
    .on('case_categories')
    .columns(['province_code', 'code'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_routing_rules_key_idx')
    .on('case_routing_rules')
    .columns(['province_code', 'category_code', 'commune_code'])
    .unique()
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('hamlet_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('public_description', 'text', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('location_accuracy', 'double precision')
    .addColumn('address_text', 'text')
    .addColumn('agency_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('theme', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_phone_hash', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_email_hash', 'text')
    .addColumn('reporter_token_hash', 'text')
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('external_ref', 'text')
    .addColumn('media_url', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('accept_due_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('handle_due_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('refused_reason', 'text')
    .addColumn('answer_text', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('disputed_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_reason', 'text')
    .addColumn('supporters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warned_at', 'text')
    .addColumn('overdue_flagged_at', 'text')
    .addColumn('contact_anonymised_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Public list and map: newest first per province, by commune, by category, and the bbox range on (lat, lng).
  await db.schema
    .createIndex('cases_province_idx')
    .on('cases')
    .columns(['province_code', 'submitted_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_commune_idx')
    .on('cases')
    .columns(['commune_code', 'submitted_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_state_idx')
    .on('cases')
    .columns(['province_code', 'state', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('cases_agency_idx')
    .on('cases')
    .columns(['agency_id', 'state', 'submitted_at'])
    .execute();
  await db.schema.createIndex('cases_geo_idx').on('cases').columns(['province_code', 'lat', 'lng']).execute();
  await db.schema
    .createIndex('cases_category_idx')
    .on('cases')
    .columns(['category_code', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('cases_updated_idx')
    .on('cases')
    .columns(['province_code', 'updated_at'])
    .execute();
  await db.schema.createIndex('cases_phone_idx').on('cases').column('reporter_phone_hash').execute();
  await db.schema.createIndex('cases_email_idx').on('cases').column('reporter_email_hash').execute();
  await db.schema.createIndex('cases_team_idx').on('cases').columns(['team_id', 'submitted_at']).execute();
  // The public map: only what the public sees, and every column the grid clustering reads, so a box is answered from
  // the index alone. Queries repeat the predicate with these literals (SQLite matches a partial index only so).
  await db.schema
    .createIndex('cases_map_idx')
    .on('cases')
    .columns(['province_code', 'lat', 'lng', 'kind', 'state', 'category_code', 'id', 'code'])
    .where(sql<SqlBool>`published_at is not null and hidden = 0`)
    .execute();

  await db.schema
    .createTable('case_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('author_user_id', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('external_ref', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_updates_case_idx')
    .on('case_updates')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('case_updates_feed_idx')
    .on('case_updates')
    .columns(['province_code', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('case_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('update_id', 'text')
    .addColumn('display_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_files_case_idx')
    .on('case_files')
    .columns(['case_id', 'position'])
    .execute();

  await db.schema
    .createTable('case_supporters')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('supporter_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_supporters_pk', ['case_id', 'supporter_hash'])
    .execute();

  await db.schema
    .createTable('case_followers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('unsubscribed_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_followers_key_idx')
    .on('case_followers')
    .columns(['case_id', 'email_hash'])
    .unique()
    .execute();
  await db.schema.createIndex('case_followers_hash_idx').on('case_followers').column('email_hash').execute();

  await db.schema
    .createTable('case_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema
    .createIndex('case_extensions_case_idx')
    .on('case_extensions')
    .columns(['case_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('case_extensions_pending_idx')
    .on('case_extensions')
    .columns(['province_code', 'status'])
    .execute();

  await db.schema
    .createTable('case_reply_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_reply_templates_idx')
    .on('case_reply_templates')
    .columns(['province_code', 'purpose'])
    .execute();

  await db.schema
    .createTable('case_blocked_senders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('contact_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('blocked_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .execute();
  await db.schema
    .createIndex('case_blocked_senders_idx')
    .on('case_blocked_senders')
    .columns(['province_code', 'contact_hash'])
    .execute();

  await db.schema
    .createTable('case_submissions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_submissions_created_idx')
    .on('case_submissions')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('case_code_counters')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_code_counters_pk', ['province_code', 'day'])
    .execute();

  await db.schema
    .createTable('case_settings')
    .addColumn('province_code', 'text', (c) => c.primaryKey())
    .addColumn('deadlines_json', 'text', (c) => c.notNull())
    .addColumn('retention_months', 'integer', (c) => c.notNull())
    .addColumn('moderate_anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The map's overview: published cases counted per cell of 0.01° (about 1 km) and of 0.08°, refreshed every minute
  // by a job, so a wide view sums a few hundred cells instead of grouping every case.
  await db.schema
    .createTable('case_map_cells')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('cell', 'integer', (c) => c.notNull())
    .addColumn('gy', 'integer', (c) => c.notNull())
    .addColumn('gx', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('sum_lat', 'double precision', (c) => c.notNull())
    .addColumn('sum_lng', 'double precision', (c) => c.notNull())
    .addColumn('one_id', 'text', (c) => c.notNull())
    .addColumn('one_code', 'text', (c) => c.notNull())
    .addColumn('one_state', 'text', (c) => c.notNull())
    .addColumn('one_category', 'text', (c) => c.notNull())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_map_cells_pk', ['province_code', 'cell', 'gy', 'gx'])
    .execute();
}

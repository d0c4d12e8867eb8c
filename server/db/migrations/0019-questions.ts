import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The online Q&A (issue 11): citizens' questions, the network's answers, clarification comments, edit history,
 * votes, flags and the curated FAQ.
 *
 * - `questions`: placed in the unit tree (province, optional commune; hamlet_id always null but kept so the scope
 *   filter reads like every placed table). The asker's display name is public by the register's consent; the
 *   e-mail is sealed (found by hash for data-subject requests). `search_title` / `search_body` hold the text folded by
 *   shared/text/fold.ts, the only thing the full-text index sees on either database.
 * - `question_answers`, `question_comments` (clarifications, on the question or an answer), `question_revisions`
 *   (every edit's previous text — none for an edit that takes personal data out, so the history never keeps it).
 * - `question_reactions`: upvotes (one per account) and "helpful" (one per device hash), unique per target.
 * - `question_flags`: one per flagger (account or device hash) and target; open flags count towards auto-hide.
 * - `question_terms`: every folded word ever indexed, the vocabulary that typo-tolerant suggestions expand against.
 * - `question_challenges`: spent proof-of-work challenges (a challenge answers one question only).
 * - `question_settings`: a province's auto-hide threshold and whether anonymous questions wait for moderation.
 *
 * Full text is dialect-specific and invisible to the schema snapshot (schema-snapshot.ts): SQLite gets an FTS5
 * external-content table over (search_title, search_body) keyed by `search_rowid` (an explicit integer: a VACUUM may
 * renumber implicit rowids) with triggers that keep it in step inside the writing transaction; PostgreSQL gets a
 * generated tsvector (title weight A, body weight B, 'simple' configuration: the text is folded already) and a GIN
 * index, which PostgreSQL keeps in step by itself. Titles alone get a second index on each (FTS5 table
 * `questions_title_fts` under the same triggers; a GIN index on the title's tsvector): suggestions search titles.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = runsOnPostgres(db);
  await db.schema
    .createTable('question_settings')
    .addColumn('province_code', 'text', (c) => c.primaryKey())
    .addColumn('flag_threshold', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('moderate_anonymous', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('search_rowid', 'integer', (c) => c.unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('hamlet_id', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_title', 'text', (c) => c.notNull())
    .addColumn('search_body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('asker_name', 'text')
    .addColumn('asker_email', 'text')
    .addColumn('asker_email_hash', 'text')
    .addColumn('asker_token_hash', 'text')
    .addColumn('asker_user_id', 'text')
    .addColumn('accepted_answer_id', 'text')
    .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_official_answer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('upvotes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_flags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('faq_position', 'integer')
    .addColumn('faq_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('first_answered_at', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('contact_anonymised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The public list, newest first, and its topic filter; the "unanswered" list; the moderators' queue; the FAQ.
  await db.schema
    .createIndex('questions_public_idx')
    .on('questions')
    .columns(['province_code', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('questions_topic_idx')
    .on('questions')
    .columns(['province_code', 'topic', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('questions_unanswered_idx')
    .on('questions')
    .columns(['province_code', 'answer_count', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('questions_faq_idx')
    .on('questions')
    .columns(['province_code', 'topic', 'faq_position'])
    .execute();
  await db.schema
    .createIndex('questions_commune_idx')
    .on('questions')
    .columns(['commune_code', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('questions_email_idx').on('questions').column('asker_email_hash').execute();

  await db.schema
    .createTable('question_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('official', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('upvotes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_flags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edited_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_answers_question_idx')
    .on('question_answers')
    .columns(['question_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('question_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('by_asker', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_comments_question_idx')
    .on('question_comments')
    .columns(['question_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('question_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before_title', 'text')
    .addColumn('before_body', 'text')
    .addColumn('editor_user_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_revisions_question_idx')
    .on('question_revisions')
    .columns(['question_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('question_reactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_reactions_once_idx')
    .on('question_reactions')
    .columns(['kind', 'target_kind', 'target_id', 'voter_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('question_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('flagger_key', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolution', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_flags_once_idx')
    .on('question_flags')
    .columns(['target_kind', 'target_id', 'flagger_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('question_flags_open_idx')
    .on('question_flags')
    .columns(['province_code', 'resolved_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('question_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .execute();

  await db.schema
    .createTable('question_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_challenges_expiry_idx')
    .on('question_challenges')
    .column('expires_at')
    .execute();

  if (isPostgres) {
    await sql`alter table questions add column search_vector tsvector generated always as (
      setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_body), 'B')
    ) stored`.execute(db);
    await sql`create index questions_search_idx on questions using gin (search_vector)`.execute(db);
    // Suggestions match titles only: an index of the titles alone reads short posting lists, not every body's.
    await sql`create index questions_title_search_idx on questions
      using gin (to_tsvector('simple', search_title))`.execute(db);
  } else {
    await sql`create virtual table questions_fts using fts5(
      search_title, search_body, content='questions', content_rowid='search_rowid', tokenize='unicode61'
    )`.execute(db);
    // Suggestions match titles only: a second index of the titles alone reads short posting lists, not every body's
    // (2–3 times faster over 100,000 questions: bench/questions.run.ts).
    await sql`create virtual table questions_title_fts using fts5(
      search_title, content='questions', content_rowid='search_rowid', tokenize='unicode61'
    )`.execute(db);
    await sql`create trigger questions_fts_insert after insert on questions begin
      insert into questions_fts(rowid, search_title, search_body)
        values (new.search_rowid, new.search_title, new.search_body);
      insert into questions_title_fts(rowid, search_title) values (new.search_rowid, new.search_title);
    end`.execute(db);
    await sql`create trigger questions_fts_delete after delete on questions begin
      insert into questions_fts(questions_fts, rowid, search_title, search_body)
        values ('delete', old.search_rowid, old.search_title, old.search_body);
      insert into questions_title_fts(questions_title_fts, rowid, search_title)
        values ('delete', old.search_rowid, old.search_title);
    end`.execute(db);
    await sql`create trigger questions_fts_update after update of search_title, search_body on questions begin
      insert into questions_fts(questions_fts, rowid, search_title, search_body)
        values ('delete', old.search_rowid, old.search_title, old.search_body);
      insert into questions_fts(rowid, search_title, search_body)
        values (new.search_rowid, new.search_title, new.search_body);
      insert into questions_title_fts(questions_title_fts, rowid, search_title)
        values ('delete', old.search_rowid, old.search_title);
      insert into questions_title_fts(rowid, search_title) values (new.search_rowid, new.search_title);
    end`.execute(db);
  }
}

/** The one dialect test of the migrations: FTS5 and tsvector have no common DDL. */
function runsOnPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

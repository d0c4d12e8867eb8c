import { sql, type Expression, type InsertObject, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type {
  DB,
  QuestionAnswersTable,
  QuestionCommentsTable,
  QuestionFlagsTable,
  QuestionRevisionsTable,
  QuestionsTable,
} from '../../db/schema';
import type { Subtree } from '../../platform/auth/scope-sql';

export type QuestionRow = QuestionsTable;
export type AnswerRow = QuestionAnswersTable;
export type Db = Kysely<DB> | Transaction<DB>;

export const DEFAULT_FLAG_THRESHOLD = 3;

/**
 * "The question sits in one of these subtrees" for questions and flags (placed by province and commune; a hamlet
 * subtree never holds a question). An empty list matches nothing.
 */
export function questionInSubtrees(
  table: 'questions' | 'question_flags',
  subtrees: readonly Subtree[],
): Expression<SqlBool> {
  if (subtrees.length === 0) return sql<SqlBool>`1 = 0`;
  const t = sql.table(table);
  const parts = subtrees.map((s) => {
    if (s.level === 'province') return sql<SqlBool>`${t}.province_code = ${s.provinceCode}`;
    if (s.level === 'commune')
      return sql<SqlBool>`(${t}.province_code = ${s.provinceCode} and ${t}.commune_code = ${s.communeCode})`;
    return sql<SqlBool>`1 = 0`;
  });
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Kysely only: no authorization, no business rules (questions.policy.ts and the services decide). */
export function createQuestionsRepository(db: Kysely<DB>) {
  return {
    async settingsFor(provinceCode: string, ex: Db = db) {
      const row = await ex
        .selectFrom('question_settings')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .executeTakeFirst();
      return {
        flagThreshold: row?.flag_threshold ?? DEFAULT_FLAG_THRESHOLD,
        moderateAnonymous: (row?.moderate_anonymous ?? 1) === 1,
      };
    },
    async saveSettings(
      ex: Db,
      row: {
        province_code: string;
        flag_threshold: number;
        moderate_anonymous: number;
        updated_by: string | null;
        updated_at: string;
      },
    ) {
      await ex
        .insertInto('question_settings')
        .values(row)
        .onConflict((oc) =>
          oc.column('province_code').doUpdateSet({
            flag_threshold: row.flag_threshold,
            moderate_anonymous: row.moderate_anonymous,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    findQuestion(id: string, ex: Db = db) {
      return ex.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findQuestions(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([] as QuestionRow[]);
      return db.selectFrom('questions').selectAll().where('id', 'in', ids).execute();
    },
    /** `search_rowid` may be an expression (SQLite's next FTS5 key, computed inside the insert). */
    async insertQuestion(ex: Db, row: InsertObject<DB, 'questions'>) {
      await ex.insertInto('questions').values(row).execute();
    },
    async updateQuestion(ex: Db, id: string, patch: Partial<QuestionRow>) {
      await ex.updateTable('questions').set(patch).where('id', '=', id).execute();
    },
    /** Adds `delta` to a counter column in SQL (concurrent votes never lose a count). */
    async bump(
      ex: Db,
      table: 'questions' | 'question_answers',
      id: string,
      column: 'upvotes' | 'helpful' | 'open_flags' | 'answer_count',
      delta: number,
    ) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} + ${delta}
        where id = ${id}`.execute(ex);
    },

    /** Published questions newest first (no search words), keyset on (published_at, id). */
    listPublished(
      f: {
        provinceCode: string;
        topic?: string | undefined;
        communeCode?: string | undefined;
        answered?: 'yes' | 'no' | undefined;
      },
      after: [string, string] | null,
      limit: number,
    ) {
      let q = db
        .selectFrom('questions')
        .selectAll()
        .where('province_code', '=', f.provinceCode)
        .where('status', '=', 'published');
      if (f.topic) q = q.where('topic', '=', f.topic);
      if (f.communeCode) q = q.where('commune_code', '=', f.communeCode);
      if (f.answered === 'yes') q = q.where('answer_count', '>', 0);
      if (f.answered === 'no') q = q.where('answer_count', '=', 0);
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb('published_at', '<', after[0]),
            eb.and([eb('published_at', '=', after[0]), eb('id', '<', after[1])]),
          ]),
        );
      return q
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
    },

    /** Published, unanswered, open questions asked before `before`, oldest first, in the caller's subtrees. */
    listUnanswered(
      f: {
        provinceCode: string;
        before: string;
        topic?: string | undefined;
        scope: readonly Subtree[] | 'everywhere';
      },
      after: [string, string] | null,
      limit: number,
    ) {
      let q = db
        .selectFrom('questions')
        .selectAll()
        .where('province_code', '=', f.provinceCode)
        .where('answer_count', '=', 0)
        .where('status', '=', 'published')
        .where('closed_at', 'is', null)
        .where('published_at', '<', f.before);
      if (f.topic) q = q.where('topic', '=', f.topic);
      if (f.scope !== 'everywhere') q = q.where(questionInSubtrees('questions', f.scope));
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb('published_at', '>', after[0]),
            eb.and([eb('published_at', '=', after[0]), eb('id', '>', after[1])]),
          ]),
        );
      return q
        .orderBy('published_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
    },

    /** The moderators' queue in the caller's subtrees, newest first by creation. */
    listQueue(
      box: 'pending' | 'flagged' | 'hidden',
      scope: readonly Subtree[],
      after: [string, string] | null,
      limit: number,
    ) {
      let q = db.selectFrom('questions').selectAll().where(questionInSubtrees('questions', scope));
      if (box === 'pending') q = q.where('status', '=', 'pending');
      if (box === 'hidden') q = q.where('status', '=', 'hidden');
      if (box === 'flagged')
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('question_flags')
              .select('question_flags.id')
              .whereRef('question_flags.question_id', '=', 'questions.id')
              .where('question_flags.resolved_at', 'is', null),
          ),
        );
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', after[0]),
            eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])]),
          ]),
        );
      return q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
    },
    openFlagReasons(questionIds: readonly string[]) {
      if (questionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('question_flags')
        .select(['question_id', 'reason'])
        .where('question_id', 'in', questionIds)
        .where('resolved_at', 'is', null)
        .execute();
    },

    listAnswers(questionId: string) {
      return db
        .selectFrom('question_answers')
        .selectAll()
        .where('question_id', '=', questionId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    findAnswer(questionId: string, answerId: string, ex: Db = db) {
      return ex
        .selectFrom('question_answers')
        .selectAll()
        .where('id', '=', answerId)
        .where('question_id', '=', questionId)
        .executeTakeFirst();
    },
    async insertAnswer(ex: Db, row: AnswerRow) {
      await ex.insertInto('question_answers').values(row).execute();
    },
    async updateAnswer(ex: Db, id: string, patch: Partial<AnswerRow>) {
      await ex.updateTable('question_answers').set(patch).where('id', '=', id).execute();
    },
    /** answer_count and has_official_answer from the published answers (after hiding, showing or merging). */
    async recountAnswers(ex: Db, questionId: string) {
      await sql`update questions set
          answer_count = (select count(*) from question_answers a
            where a.question_id = ${questionId} and a.status = 'published'),
          has_official_answer = case when exists (select 1 from question_answers a
            where a.question_id = ${questionId} and a.status = 'published' and a.official = 1) then 1 else 0 end
        where id = ${questionId}`.execute(ex);
    },
    async moveAnswers(ex: Db, fromId: string, toId: string) {
      await ex
        .updateTable('question_answers')
        .set({ question_id: toId })
        .where('question_id', '=', fromId)
        .execute();
      await ex
        .updateTable('question_comments')
        .set({ question_id: toId })
        .where('question_id', '=', fromId)
        .execute();
    },

    listComments(questionId: string) {
      return db
        .selectFrom('question_comments')
        .selectAll()
        .where('question_id', '=', questionId)
        .where('status', '=', 'published')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    async insertComment(ex: Db, row: QuestionCommentsTable) {
      await ex.insertInto('question_comments').values(row).execute();
    },

    async insertRevision(ex: Db, row: QuestionRevisionsTable) {
      await ex.insertInto('question_revisions').values(row).execute();
    },
    listRevisions(questionId: string) {
      // The editor by name: a moderator reads who changed what, not an account id.
      return db
        .selectFrom('question_revisions')
        .leftJoin('users', 'users.id', 'question_revisions.editor_user_id')
        .selectAll('question_revisions')
        .select('users.name as editor_name')
        .where('question_revisions.question_id', '=', questionId)
        .orderBy('question_revisions.created_at')
        .orderBy('question_revisions.id')
        .execute();
    },

    /** Stores a reaction once: false when this voter already reacted to the target (the unique index says so). */
    async insertReaction(
      ex: Db,
      row: {
        id: string;
        question_id: string;
        kind: 'upvote' | 'helpful';
        target_kind: 'question' | 'answer';
        target_id: string;
        voter_key: string;
        created_at: string;
      },
    ): Promise<boolean> {
      const res = await ex
        .insertInto('question_reactions')
        .values(row)
        .onConflict((oc) => oc.columns(['kind', 'target_kind', 'target_id', 'voter_key']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async counterOf(
      ex: Db,
      table: 'questions' | 'question_answers',
      id: string,
      column: 'upvotes' | 'helpful',
    ) {
      const row = await ex.selectFrom(table).select(column).where('id', '=', id).executeTakeFirst();
      return (row as Record<string, number> | undefined)?.[column] ?? 0;
    },

    async insertFlag(ex: Db, row: QuestionFlagsTable): Promise<boolean> {
      const res = await ex
        .insertInto('question_flags')
        .values(row)
        .onConflict((oc) => oc.columns(['target_kind', 'target_id', 'flagger_key']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async resolveFlags(
      ex: Db,
      target: { kind: 'question' | 'answer'; id: string },
      resolution: 'upheld' | 'dismissed',
      by: string | null,
      at: string,
    ) {
      const res = await ex
        .updateTable('question_flags')
        .set({ resolved_at: at, resolved_by: by, resolution })
        .where('target_kind', '=', target.kind)
        .where('target_id', '=', target.id)
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    faqEntries(provinceCode: string, topic?: string) {
      let q = db
        .selectFrom('questions')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('faq_position', 'is not', null)
        .where('status', '=', 'published');
      if (topic) q = q.where('topic', '=', topic);
      return q.orderBy('topic').orderBy('faq_position').orderBy('id').execute();
    },
    async lastFaqPosition(ex: Db, provinceCode: string, topic: string): Promise<number> {
      const row = await ex
        .selectFrom('questions')
        .select((eb) => eb.fn.max('faq_position').as('last'))
        .where('province_code', '=', provinceCode)
        .where('topic', '=', topic)
        .executeTakeFirst();
      return Number(row?.last ?? 0);
    },
    /** Makes room at `position` in a topic's FAQ: every entry from there moves one down. */
    async shiftFaq(ex: Db, provinceCode: string, topic: string, from: number) {
      await sql`update questions set faq_position = faq_position + 1
        where province_code = ${provinceCode} and topic = ${topic} and faq_position >= ${from}`.execute(ex);
    },

    /** Marks a challenge spent; false when it was spent already. */
    async spendChallenge(ex: Db, id: string, expiresAt: string): Promise<boolean> {
      // ON CONFLICT, not a caught error: a failed statement would abort the whole transaction on PostgreSQL.
      const res = await ex
        .insertInto('question_challenges')
        .values({ id, expires_at: expiresAt })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async pruneChallenges(before: string) {
      const res = await db
        .deleteFrom('question_challenges')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}
export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;

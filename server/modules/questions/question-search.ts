import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';

/**
 * Full-text search over questions behind one interface, with two engines (issue 11):
 *
 * - SQLite: the FTS5 table `questions_fts` (migration 0019, external content over questions.search_title /
 *   search_body, kept in step by triggers in the writing transaction), ranked by `bm25(questions_fts, 4, 1)` — a
 *   word in the title counts four times a word in the body. FTS5's own diacritic folding would leave "đ" alone, so
 *   it never sees Vietnamese: it indexes the columns already folded by shared/text/fold.ts.
 * - PostgreSQL: the generated `search_vector` (setweight A for the title, B for the body, 'simple' configuration
 *   over the same folded text) with its GIN index, ranked by `ts_rank` (A = 1.0, B = 0.4) — the newest
 *   PG_CANDIDATES matches, since nothing indexes the rank.
 * - Titles only (suggestions): each engine's index of the titles alone (`questions_title_fts`; the GIN index on
 *   `to_tsvector('simple', search_title)`), ranked as above (bm25 of the title on SQLite, the stored vector's rank
 *   on PostgreSQL).
 *
 * Queries are folded the same way, so "dang ky khai sinh" and "Đăng ký khai sinh" are the same words; the last word
 * typed is matched as a prefix. A hit's `score` is smaller-is-better on both engines (bm25 is already; PostgreSQL's
 * rank is negated), so the cursor of a ranked list is (score, id) whatever the database.
 */

/** One query word and the spellings it stands for (itself, or typo corrections), optionally as a prefix. */
export interface QueryGroup {
  terms: string[];
  prefix: boolean;
}

export interface SearchFilters {
  provinceCode: string;
  topic?: string | undefined;
  communeCode?: string | undefined;
  answered?: 'yes' | 'no' | undefined;
}

export interface RankedHit {
  id: string;
  score: number;
}

export interface SearchOptions {
  mode: 'all' | 'any';
  limit: number;
  after?: RankedHit | null;
  /** Match the titles only (suggestions while a title is typed): far fewer rows to rank. */
  titleOnly?: boolean;
  /**
   * The index's best candidates are enough, even when a tie or a filter makes them not provably the exact top
   * (suggestions: they are re-ranked by how well they cover the typed words anyway). SQLite only; no paging.
   */
  approximate?: boolean;
}

export interface QuestionSearch {
  /** Published questions matching every group (`all`) or any (`any`), best first, after the cursor if given. */
  search(filters: SearchFilters, groups: readonly QueryGroup[], opts: SearchOptions): Promise<RankedHit[]>;
  /**
   * The vocabulary's words that start with `first`, for typo correction. Cached in the process for VOCABULARY_TTL_MS
   * (suggestions read it for every word of every keystroke) and dropped when this process adds words; another
   * process's new words show up within the TTL — meanwhile they are only not offered as corrections.
   */
  vocabulary(first: string): Promise<readonly string[]>;
  /** Adds the words of a question's folded text to the vocabulary suggestions correct typos against. */
  addTerms(trx: Kysely<DB> | Transaction<DB>, foldedTexts: readonly string[]): Promise<void>;
  /** The key of a new question's full-text row (SQLite's FTS5 rowid; null on PostgreSQL). */
  nextRowid(): RawBuilder<number> | null;
}

/** At most this many words of a query count (a pasted paragraph would otherwise make a huge query). */
export const MAX_QUERY_WORDS = 8;
/** A word shorter than this is never matched as a prefix ("d*" would match half the index). */
const MIN_PREFIX = 2;
const MAX_TERM = 40;
/** SQLite: how many of the index's best matches are ranked first (searchSqlite). */
const SQLITE_CANDIDATES = 100;
const VOCABULARY_TTL_MS = 30_000;
/**
 * PostgreSQL: how many of the newest matches are ranked. It has no ranked index (ts_rank reads each match's vector),
 * so ranking every match of a common word ("dien thoai" is in half the questions) costs 60 ms over 100,000
 * questions; walking the newest-first index (questions_public_idx) until this many match costs 1–4 ms. A query
 * matching more questions than this ranks the newest of them — the recent answers, which follow the procedures in
 * force (bench/questions.run.ts). Paging stays consistent: every page ranks the same candidates.
 */
const PG_CANDIDATES = 1000;

/**
 * The words of a query as groups: folded, at most eight, the last one a prefix unless the query ends with a space
 * (the person finished typing it).
 */
export function queryGroups(query: string): QueryGroup[] {
  const words = foldText(query).split(' ').filter(Boolean).slice(0, MAX_QUERY_WORDS);
  const finished = /\s$/.test(query);
  return words.map((w, i) => ({
    terms: [w.slice(0, MAX_TERM)],
    prefix: i === words.length - 1 && !finished && w.length >= MIN_PREFIX,
  }));
}

/**
 * Distinct words worth keeping in the vocabulary (2–40 letters; at most 400 per question). Words with digits are left
 * out: numbers need no typo correction, and the vocabulary is never pruned, so a phone or ID number a moderator
 * later edits out of a question must not stay here.
 */
export function vocabularyOf(foldedTexts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of foldedTexts)
    for (const w of text.split(' ')) if (w.length >= 2 && w.length <= MAX_TERM && !/\d/.test(w)) words.add(w);
  return [...words].slice(0, 400);
}

// Terms are [a-z0-9]+ after folding, so quoting them needs no escaping on either engine.
function ftsGroup(g: QueryGroup): string {
  const alts = g.terms.map((t) => `"${t}"`);
  if (g.prefix) alts.push(`"${g.terms[0]}"*`);
  return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
}

function tsGroup(g: QueryGroup): string {
  const alts = [...g.terms];
  if (g.prefix) alts.push(`${g.terms[0]}:*`);
  return alts.length === 1 ? alts[0]! : `(${alts.join(' | ')})`;
}

function filterSql(f: SearchFilters) {
  const parts = [sql`q.province_code = ${f.provinceCode}`, sql`q.status = 'published'`];
  if (f.topic) parts.push(sql`q.topic = ${f.topic}`);
  if (f.communeCode) parts.push(sql`q.commune_code = ${f.communeCode}`);
  if (f.answered === 'yes') parts.push(sql`q.answer_count > 0`);
  if (f.answered === 'no') parts.push(sql`q.answer_count = 0`);
  return sql.join(parts, sql` and `);
}

export function createQuestionSearch(
  db: Kysely<DB>,
  dialect: Dialect,
  { pgCandidates = PG_CANDIDATES }: { pgCandidates?: number } = {},
): QuestionSearch {
  /**
   * SQLite, in two steps. FTS5 ranks its own matches cheaply (bm25 over its index, a top-K sort inside the virtual
   * table), while joining every match to `questions` for the filters before sorting costs three to five times as
   * much on a common word (measured over 100,000 questions: bench/questions.run.ts). So the index's best
   * CANDIDATES matches are taken first and filtered; that page is exact when the index had no more matches, or
   * when the page's last row scores strictly better than the worst candidate (everything the cut left out scores no
   * better than that). Otherwise — filters removed too many, or a tie sits on the cut — the whole match is ranked.
   */
  async function searchSqlite(
    filters: SearchFilters,
    groups: readonly QueryGroup[],
    opts: SearchOptions,
  ): Promise<RankedHit[]> {
    const match = groups.map(ftsGroup).join(opts.mode === 'all' ? ' AND ' : ' OR ');
    // Titles only: the titles' own index (migration 0019), far shorter posting lists than a column filter reads.
    const fts = sql.raw(opts.titleOnly ? 'questions_title_fts' : 'questions_fts');
    const bm25 = opts.titleOnly ? sql`bm25(questions_title_fts)` : sql`bm25(questions_fts, 4.0, 1.0)`;
    const candidates = Math.max(SQLITE_CANDIDATES, opts.limit * 4);
    const from = opts.after ? sql`and ${bm25} >= ${opts.after.score}` : sql``;
    const after = opts.after
      ? sql`and (c.score > ${opts.after.score} or (c.score = ${opts.after.score} and q.id > ${opts.after.id}))`
      : sql``;
    const top = await sql<RankedHit & { edge: number; n: number }>`
      with c as materialized (
        select rowid as rid, ${bm25} as score from ${fts}
        where ${fts} match ${match} ${from}
        order by score limit ${candidates})
      select q.id as id, c.score as score, (select max(score) from c) as edge, (select count(*) from c) as n
      from c join questions q on q.search_rowid = c.rid
      where ${filterSql(filters)} ${after}
      order by c.score, q.id
      limit ${opts.limit}`.execute(db);
    const rows = top.rows;
    const everything = rows.length > 0 && Number(rows[0]!.n) < candidates;
    const clear = rows.length === opts.limit && Number(rows[rows.length - 1]!.score) < Number(rows[0]!.edge);
    if (everything || clear || (opts.approximate && rows.length > 0))
      return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
    if (rows.length === 0) {
      // Nothing survived the filters among the candidates: exact only if the index holds no more matches.
      const more = await sql<{ n: number }>`select count(*) as n from (select 1 from ${fts}
        where ${fts} match ${match} ${from} limit ${candidates}) x`.execute(db);
      if (Number(more.rows[0]?.n ?? 0) < candidates) return [];
    }
    const afterFull = opts.after
      ? sql`and (${bm25} > ${opts.after.score} or (${bm25} = ${opts.after.score} and q.id > ${opts.after.id}))`
      : sql``;
    const res = await sql<RankedHit>`
      select q.id as id, ${bm25} as score
      from ${fts} join questions q on q.search_rowid = ${fts}.rowid
      where ${fts} match ${match} and ${filterSql(filters)} ${afterFull}
      order by score, q.id
      limit ${opts.limit}`.execute(db);
    return res.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  }

  async function searchPostgres(
    filters: SearchFilters,
    groups: readonly QueryGroup[],
    opts: SearchOptions,
  ): Promise<RankedHit[]> {
    const query = groups.map(tsGroup).join(opts.mode === 'all' ? ' & ' : ' | ');
    const tsq = sql`to_tsquery('simple', ${query})`;
    // Titles only: matched through the titles' own GIN index (migration 0019, its expression), ranked by the stored
    // vector (title weight A) — recomputing the title's vector for every match to rank it costs more (measured).
    const vector = opts.titleOnly ? sql`to_tsvector('simple', q.search_title)` : sql`q.search_vector`;
    const score = sql`(-ts_rank(c.search_vector, ${tsq}))::float8`;
    const after = opts.after
      ? sql`and (${score} > ${opts.after.score}::float8
          or (${score} = ${opts.after.score}::float8 and c.id > ${opts.after.id}))`
      : sql``;
    // The newest PG_CANDIDATES matches are ranked, not every match: see PG_CANDIDATES.
    const rows = await sql<RankedHit>`
      with c as materialized (
        select q.id, q.search_vector from questions q
        where ${vector} @@ ${tsq} and ${filterSql(filters)}
        order by q.published_at desc, q.id desc
        limit ${pgCandidates})
      select c.id as id, ${score} as score
      from c
      where true ${after}
      order by score, c.id
      limit ${opts.limit}`.execute(db);
    return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  }

  const vocabularyCache = new Map<string, { at: number; terms: Promise<string[]> }>();

  return {
    vocabulary(first) {
      const now = Date.now();
      const hit = vocabularyCache.get(first);
      if (hit && now - hit.at < VOCABULARY_TTL_MS) return hit.terms;
      const next = String.fromCharCode(first.charCodeAt(0) + 1);
      const terms = db
        .selectFrom('question_terms')
        .select('term')
        .where('term', '>=', first)
        .where('term', '<', next)
        .execute()
        .then((rows) => rows.map((r) => r.term));
      // A failed read is not kept: the next keystroke asks again.
      void terms.catch(() => vocabularyCache.delete(first));
      vocabularyCache.set(first, { at: now, terms });
      return terms;
    },
    async search(filters, groups, opts) {
      if (groups.length === 0) return [];
      return dialect === 'postgres'
        ? searchPostgres(filters, groups, opts)
        : searchSqlite(filters, groups, opts);
    },
    async addTerms(trx, foldedTexts) {
      const terms = vocabularyOf(foldedTexts);
      if (terms.length === 0) return;
      vocabularyCache.clear();
      await trx
        .insertInto('question_terms')
        .values(terms.map((term) => ({ term })))
        .onConflict((oc) => oc.column('term').doNothing())
        .execute();
    },
    nextRowid() {
      // One writer on SQLite (transactions BEGIN IMMEDIATE), so max + 1 inside the insert cannot collide.
      return dialect === 'sqlite'
        ? sql<number>`(select coalesce(max(search_rowid), 0) + 1 from questions)`
        : null;
    },
  };
}

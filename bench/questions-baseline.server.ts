import Fastify from 'fastify';
import { encodeCursor } from '../shared/contracts/paging';
import { foldText } from '../shared/text/fold';
import pg from 'pg';
import {
  openBaselineDatabase,
  type BaselineDatabase,
  type BaselineTarget,
} from './baselines/baseline-database';
import { announceReady } from './servers/server-process';

/**
 * The bare baseline of the Q&A search benchmark: a plain Fastify with no plugins answering GET /api/v1/questions?q=
 * with one prepared full-text statement — FTS5 MATCH ranked by bm25 (title 4, body 1) on SQLite, the tsvector `@@`
 * a tsquery, its newest 1,000 matches ranked by ts_rank, on PostgreSQL — that returns the page's columns directly, and the app's JSON shape
 * (items + nextCursor). The query is folded and built as the app builds it (every word, the last a prefix), so both
 * sides ask the index the same thing. Arguments: the target as JSON, the province code.
 */
const target = JSON.parse(process.argv[2] ?? '') as BaselineTarget;
const province = process.argv[3] ?? '80';
const db = target.dialect === 'postgres' ? customPlanPostgres(target.url) : openBaselineDatabase(target);

/**
 * PostgreSQL: a named (server-prepared) statement planned with each call's values, as the case baseline does
 * (cases-baseline.server.ts): a generic plan cannot see how common a query's words are. The app's driver sends
 * unnamed statements, planned each time, so this keeps the comparison fair.
 */
function customPlanPostgres(url: string): BaselineDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: '-c plan_cache_mode=force_custom_plan',
  });
  const names = new Map<string, { name: string; text: string }>();
  const query = async <T>(text: string, params: unknown[]) => {
    let n = names.get(text);
    if (!n) {
      let i = 0;
      n = { name: `questions_baseline_${names.size}`, text: text.replace(/\?/g, () => `$${++i}`) };
      names.set(text, n);
    }
    return (await pool.query({ name: n.name, text: n.text, values: params })).rows as T[];
  };
  return {
    dialect: 'postgres',
    all: query,
    get: async <T>(text: string, params: unknown[]) => (await query<T>(text, params))[0],
    run: async (text, params) => {
      await query(text, params);
    },
    close: () => pool.end(),
  };
}
const COLUMNS = `q.id, q.title, q.body, q.topic, q.commune_code, q.asker_name, q.answer_count,
  q.accepted_answer_id, q.has_official_answer, q.upvotes, q.published_at`;
/**
 * SQLite: the app's two steps (server/modules/questions/question-search.ts) as two prepared statements — the index's
 * best 100 matches ranked inside FTS5 then filtered, and the whole match ranked when that page is not provably exact.
 */
const CANDIDATES = 100;
const CANDIDATE_SQL = `with c as materialized (
    select rowid as rid, bm25(questions_fts, 4.0, 1.0) as score from questions_fts
    where questions_fts match ? order by score limit ${CANDIDATES})
  select ${COLUMNS}, c.score as score, (select max(score) from c) as edge, (select count(*) from c) as n
  from c join questions q on q.search_rowid = c.rid
  where q.province_code = ? and q.status = 'published'
  order by c.score, q.id limit ?`;
const SQL =
  target.dialect === 'sqlite'
    ? `select ${COLUMNS}, bm25(questions_fts, 4.0, 1.0) as score
       from questions_fts join questions q on q.search_rowid = questions_fts.rowid
       where questions_fts match ? and q.province_code = ? and q.status = 'published'
       order by score, q.id limit ?`
    : // The app's PostgreSQL query: the newest 1,000 matches ranked (PG_CANDIDATES in question-search.ts).
      `with c as materialized (
         select q.id from questions q
         where q.search_vector @@ to_tsquery('simple', ?) and q.province_code = ? and q.status = 'published'
         order by q.published_at desc, q.id desc limit 1000)
       select ${COLUMNS}, (-ts_rank(q.search_vector, to_tsquery('simple', ?)))::float8 as score
       from c join questions q on q.id = c.id
       order by score, q.id limit ?`;

interface Row {
  id: string;
  title: string;
  body: string;
  topic: string;
  commune_code: string | null;
  asker_name: string | null;
  answer_count: number;
  accepted_answer_id: string | null;
  has_official_answer: number;
  upvotes: number;
  published_at: string | null;
  score: number;
}

function matchOf(q: string): string | null {
  const words = foldText(q).split(' ').filter(Boolean).slice(0, 8);
  if (words.length === 0) return null;
  const finished = /\s$/.test(q);
  const parts = words.map((w, i) => {
    const prefix = i === words.length - 1 && !finished && w.length >= 2;
    if (target.dialect === 'sqlite') return prefix ? `("${w}" OR "${w}"*)` : `"${w}"`;
    return prefix ? `(${w} | ${w}:*)` : w;
  });
  return parts.join(target.dialect === 'sqlite' ? ' AND ' : ' & ');
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 199).trimEnd()}…`;
};

const app = Fastify({ logger: false });
app.get('/api/v1/questions', async (request) => {
  const query = request.query as { q?: string; limit?: string };
  const limit = Number(query.limit ?? 20);
  const match = matchOf(query.q ?? '');
  if (!match) return { items: [], nextCursor: null };
  let rows: Row[] | null = null;
  if (target.dialect === 'sqlite') {
    const top = await db.all<Row & { edge: number; n: number }>(CANDIDATE_SQL, [match, province, limit + 1]);
    const exact =
      top.length > 0 &&
      (top[0]!.n < CANDIDATES || (top.length === limit + 1 && top[top.length - 1]!.score < top[0]!.edge));
    if (exact) rows = top;
  }
  rows ??= await db.all<Row>(
    SQL,
    target.dialect === 'sqlite' ? [match, province, limit + 1] : [match, province, match, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      excerpt: excerpt(r.body),
      topic: r.topic,
      communeCode: r.commune_code,
      askerName: r.asker_name,
      answerCount: Number(r.answer_count),
      hasAcceptedAnswer: r.accepted_answer_id !== null,
      hasOfficialAnswer: Number(r.has_official_answer) === 1,
      upvotes: Number(r.upvotes),
      publishedAt: r.published_at,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([Number(last.score), last.id]) : null,
  };
});

const url = await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(url, async () => {
  await app.close();
  await db.close();
});

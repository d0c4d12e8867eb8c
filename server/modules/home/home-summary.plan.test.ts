import { sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { PLAN_COMMUNES, planOf, planSubtree, syntheticSupportRow } from '../../test/query-plans';
import { homeSummaryQueries } from './home-summary.repository';

/**
 * Query-plan guard for the homes' counts: support_records holds every act of help of a province (100k+ rows in the
 * scale bench, millions nationally), so each count must reach it through an index with a condition — the review
 * queue through the partial indexes of migration 0017, "this month" through a range on occurred_at, "nothing since"
 * through one probe per team or member — and never read the table or a whole index from end to end (SQLite's
 * "SCAN support_records", PostgreSQL's Seq Scan or an index scan without an Index Cond).
 */
const COMMUNES = PLAN_COMMUNES;
const N = 4000;
const MONTH_START = '2025-05-31T17:00:00.000Z';
const subtree = planSubtree;

// A small queue, as in a province where leaders keep up: what the partial indexes are for.
const syntheticRow = (i: number) =>
  syntheticSupportRow(i, {
    spacingMs: 3_919_000,
    state: i % 20 === 0 ? 'superseded' : 'active',
    reviewStatus: i % 40 === 1 ? 'pending' : 'reviewed',
  });

const province = [subtree('province', null, null)];
const commune = [subtree('commune', COMMUNES[3]!, null)];
const twoCommunes = [subtree('commune', COMMUNES[3]!, null), subtree('commune', COMMUNES[5]!, null)];
const teamHamlet = [subtree('hamlet', null, 'hamlet-7')];

describe('home counts read support records through an index, never end to end', () => {
  let database: TestDatabase;
  let q: ReturnType<typeof homeSummaryQueries>;

  beforeAll(async () => {
    database = await createTestDatabase();
    q = homeSummaryQueries(database.db);
    const rows = Array.from({ length: N }, (_, i) => syntheticRow(i));
    for (let i = 0; i < rows.length; i += 400) {
      await database.db.insertInto('support_records').values(rows.slice(i, i + 400)).execute();
    }
    await sql`analyze`.execute(database.db);
  });
  afterAll(async () => database.destroy());

  /** Each access to support_records in the plan, as "<how> <index> <condition?>". */
  async function accessesOf(query: Compilable): Promise<string[]> {
    const plan = await planOf(database, query.compile(), ['enable_seqscan', 'enable_bitmapscan']);
    if (plan.dialect === 'sqlite') return plan.lines.filter((d) => /\bsupport_records\b/.test(d));
    return plan.nodes
      .filter((n) => n.relation === 'support_records')
      .map((n) => `${n.type} ${n.index} ${n.hasIndexCond ? 'with condition' : 'no condition'}`);
  }

  /**
   * Reading a queue index whole is allowed: being partial, it holds only the records awaiting review (SQLite reads it
   * whole for an OR of two communes, cheaper than two probes).
   */
  const isFullRead = (line: string) =>
    !/_queue_/.test(line) &&
    (/^SCAN support_records\b/.test(line) || /^Seq Scan/.test(line) || /no condition$/.test(line));

  const cases: [string, () => Compilable, RegExp][] = [
    ['own count this month', () => q.ownCount('user-5', MONTH_START), /author/],
    ['own newest five', () => q.ownRecent('user-5'), /author/],
    ['members who recorded', () => q.membersWithActivity(['team-member-x'], '2025-06-10', MONTH_START), /member/],
    ['queue: province', () => q.queueCount(province), /queue_commune/],
    ['queue: commune', () => q.queueCount(commune), /queue_commune/],
    ['queue: team hamlet', () => q.queueCount(teamHamlet), /queue_team_hamlet/],
    ['queue by commune: province', () => q.queueByCommune(province), /queue_commune/],
    ['queue by commune: two communes', () => q.queueByCommune(twoCommunes), /queue_commune/],
    ['records this month: province', () => q.recordsSinceByCommune(province, MONTH_START), /support_records_/],
    ['records this month: commune', () => q.recordsSinceByCommune(commune, MONTH_START), /support_records_/],
    ['teams idle this month', () => q.teamsByCommune(province, MONTH_START), /team/],
  ];

  it.each(cases)('%s', async (_name, build, index) => {
    const accesses = await accessesOf(build());
    expect(accesses.length, 'the query reads support_records').toBeGreaterThan(0);
    expect(accesses.filter(isFullRead), accesses.join('\n')).toEqual([]);
    expect(accesses.join('\n')).toMatch(index);
  });
});

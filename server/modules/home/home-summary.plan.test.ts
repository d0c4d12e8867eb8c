import { CompiledQuery, sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportRecordsTable } from '../../db/schema';
import type { Subtree } from '../../platform/auth/scope-sql';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { homeSummaryQueries } from './home-summary.repository';

/**
 * Query-plan guard for the homes' counts: support_records holds every act of help of a province (100k+ rows in the
 * scale bench, millions nationally), so each count must reach it through an index with a condition — the review
 * queue through the partial indexes of migration 0017, "this month" through a range on occurred_at, "nothing since"
 * through one probe per team or member — and never read the table or a whole index from end to end (SQLite's
 * "SCAN support_records", PostgreSQL's Seq Scan or an index scan without an Index Cond).
 */
const PROVINCE = '80';
const COMMUNES = Array.from({ length: 12 }, (_, i) => `2${String(5000 + i)}`);
const N = 4000;
const MONTH_START = '2025-05-31T17:00:00.000Z';

const subtree = (level: Subtree['level'], communeCode: string | null, hamletId: string | null): Subtree => ({
  level,
  provinceCode: PROVINCE,
  communeCode,
  hamletId,
});

function syntheticRow(i: number): SupportRecordsTable {
  const team = i % 60;
  const at = new Date(Date.UTC(2025, 0, 1) + i * 3_919_000).toISOString();
  return {
    id: `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`,
    team_id: `team-${team}`,
    hamlet_id: `hamlet-${i % 150}`,
    province_code: i % 10 === 9 ? '79' : PROVINCE,
    commune_code: COMMUNES[i % COMMUNES.length]!,
    team_hamlet_id: team % 10 === 0 ? null : `hamlet-${team}`,
    occurred_at: at,
    services_json: '["vneid_level2"]',
    outcome: 'done',
    age_band: '60_plus',
    gender: 'female',
    consent: 1,
    consent_version: '2026-12-05',
    consent_withdrawn_at: null,
    duration_minutes: 10,
    note: null,
    lat: null,
    lng: null,
    accuracy: null,
    campaign_id: null,
    help_request_id: null,
    supersedes: null,
    content_hash: `h${i}`,
    author_user_id: `user-${i % 300}`,
    author_api_key_id: null,
    member_id: `member-${i % 300}`,
    received_at: at,
    state: i % 20 === 0 ? 'superseded' : 'active',
    superseded_by: null,
    retracted_at: null,
    retraction_reason: null,
    retracted_by: null,
    // A small queue, as in a province where leaders keep up: what the partial indexes are for.
    review_status: i % 40 === 1 ? 'pending' : 'reviewed',
    reviewed_at: null,
    reviewed_by: null,
    review_note: null,
  };
}

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
    const compiled = query.compile();
    if (database.dialect === 'sqlite') {
      const res = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      return res.rows.map((r) => r.detail).filter((d) => /\bsupport_records\b/.test(d));
    }
    return database.db.transaction().execute(async (trx) => {
      // A few thousand rows are cheap to read whole; price plans as on a large table, so a scan that is still
      // chosen means no index can answer — what this test is for.
      for (const setting of ['enable_seqscan', 'enable_bitmapscan']) {
        await sql`select set_config(${setting}, 'off', true)`.execute(trx);
      }
      const res = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
      );
      const found: string[] = [];
      const walk = (node: Record<string, unknown>) => {
        if (node['Relation Name'] === 'support_records') {
          const cond = node['Index Cond'] ? 'with condition' : 'no condition';
          found.push(`${String(node['Node Type'])} ${String(node['Index Name'] ?? '')} ${cond}`);
        }
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      const doc = res.rows[0]!['QUERY PLAN'];
      walk(((typeof doc === 'string' ? JSON.parse(doc) : doc) as { Plan: Record<string, unknown> }[])[0]!.Plan);
      return found;
    });
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

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placedInScopeAndUnit, type Subtree } from '../../platform/auth/scope-sql';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { PLAN_COMMUNES, planOf, planSubtree, syntheticSupportRow } from '../../test/query-plans';
import {
  createSupportRecordsRepository,
  type RecordFilter,
  type RecordListOptions,
} from './support-records.repository';

/**
 * Query-plan guard for the support lists and the CSV export (the same conditions and keyset order): for every scope a caller can
 * hold and every filter, the page must be read through an index in (occurred_at, id) order — no scan of
 * support_records, no sort (SQLite's "USE TEMP B-TREE", PostgreSQL's Sort node). At a million records either one
 * turns a 50-row page into seconds (issue 7). The table holds a few thousand varied rows and is ANALYZEd, so both
 * planners choose with statistics; on PostgreSQL scans and sorts are priced out as on a large table (see planOf).
 */
const N = 4000;
const COMMUNES = PLAN_COMMUNES;
const subtree = planSubtree;

const syntheticRow = (i: number) =>
  syntheticSupportRow(i, {
    spacingMs: 7_919_000,
    state: i % 50 === 0 ? 'retracted' : i % 20 === 0 ? 'superseded' : 'active',
    reviewStatus: i % 3 === 0 ? 'reviewed' : i % 31 === 0 ? 'flagged' : 'pending',
  });

type Case = [name: string, scope: Subtree[] | 'everywhere', filter: RecordFilter, unit?: Subtree];

const province = [subtree('province', null, null)];
const commune = [subtree('commune', COMMUNES[3]!, null)];
const teamHamlet = [subtree('hamlet', null, 'hamlet-7')];
const CASES: Case[] = [
  ['province admin', province, {}],
  ['commune officer', commune, {}],
  ['team leader (team hamlet)', teamHamlet, {}],
  ['member: mine=true', 'everywhere', { authorUserId: 'user-5' }],
  ['province + unit=commune', province, {}, subtree('commune', COMMUNES[2]!, null)],
  ['province + team', province, { teamId: 'team-3' }],
  ['province + place hamlet', province, { hamletId: 'hamlet-9' }],
  ['province + member', province, { memberId: 'member-8' }],
  ['province + service', province, { service: 'vneid_level2' }],
  ['province + state', province, { state: 'active' }],
  ['province + rare state', province, { state: 'retracted' }],
  ['province + review', province, { review: 'pending' }],
  ['province + period', province, { fromUtc: '2025-03-01T00:00:00Z', toUtc: '2025-06-01T00:00:00Z' }],
  ['commune + team + period', commune, { teamId: 'team-3', fromUtc: '2025-03-01T00:00:00Z' }],
  ['team leader + review', teamHamlet, { review: 'pending' }],
];

describe('support lists: every page is an index range read in keyset order', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const repo = createSupportRecordsRepository(database.db);
    await repo.insertNew(Array.from({ length: N }, (_, i) => syntheticRow(i)));
    await repo.insertServices(
      Array.from({ length: N }, (_, i) => ({
        record_id: syntheticRow(i).id,
        service_code: i % 2 ? 'vneid_level2' : 'payment_vietqr',
      })),
    );
    await sql`analyze`.execute(database.db);
  });
  afterAll(async () => database.destroy());

  /** The plan's lines (SQLite) or node descriptions (PostgreSQL) for one list query, first page and later pages. */
  async function planLines(query: 'list' | 'export', opts: RecordListOptions): Promise<string[]> {
    const repo = createSupportRecordsRepository(database.db);
    const compiled = (query === 'list' ? repo.listQuery(opts) : repo.exportQuery(opts)).compile();
    // On PostgreSQL sorts are priced out too: a Sort still chosen means no index gives the keyset order.
    const plan = await planOf(database, compiled, ['enable_seqscan', 'enable_bitmapscan', 'enable_sort', 'enable_incremental_sort']);
    return plan.dialect === 'sqlite' ? plan.lines : plan.nodes.map((n) => `${n.type} ${n.relation} ${n.index}`);
  }

  const forbidden = (line: string) =>
    /TEMP B-TREE/i.test(line) ||
    /^SCAN support_records\b/i.test(line) ||
    /^(Sort|Incremental Sort)\b/.test(line) ||
    /^Seq Scan support_records\b/.test(line);

  it.each(CASES)('%s', async (_name, scope, filter, unit) => {
    const pages = [
      ['list', 51],
      ['export', 1000],
    ] as const;
    for (const after of [null, ['2025-04-01T00:00:00.000Z', 'ffff'] as const]) {
      for (const [query, limit] of pages) {
        const plan = await planLines(query, {
          scope: placedInScopeAndUnit('support_records', scope, unit ?? null),
          filter,
          after,
          limit,
        });
        expect(plan.filter(forbidden), plan.join('\n')).toEqual([]);
        expect(plan.join('\n')).toMatch(/support_records_\w+_order_idx/);
      }
    }
  });
});

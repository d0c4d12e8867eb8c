import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportRecordsTable } from '../../db/schema';
import { placedInScopeAndUnit, type Subtree } from '../../platform/auth/scope-sql';
import { createTestDatabase, type TestDatabase } from '../../test/database';
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
const PROVINCE = '80';
const COMMUNES = Array.from({ length: 12 }, (_, i) => `2${String(5000 + i)}`);
const N = 4000;

const subtree = (level: Subtree['level'], communeCode: string | null, hamletId: string | null): Subtree => ({
  level,
  provinceCode: PROVINCE,
  communeCode,
  hamletId,
});

function syntheticRow(i: number): SupportRecordsTable {
  const commune = COMMUNES[i % COMMUNES.length]!;
  const team = i % 60;
  const at = new Date(Date.UTC(2025, 0, 1) + i * 7_919_000).toISOString();
  return {
    id: `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`,
    team_id: `team-${team}`,
    hamlet_id: `hamlet-${i % 150}`,
    province_code: i % 10 === 9 ? '79' : PROVINCE,
    commune_code: commune,
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
    state: i % 50 === 0 ? 'retracted' : i % 20 === 0 ? 'superseded' : 'active',
    superseded_by: null,
    retracted_at: null,
    retraction_reason: null,
    retracted_by: null,
    review_status: i % 3 === 0 ? 'reviewed' : i % 31 === 0 ? 'flagged' : 'pending',
    reviewed_at: null,
    reviewed_by: null,
    review_note: null,
  };
}

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
  async function planOf(query: 'list' | 'export', opts: RecordListOptions): Promise<string[]> {
    const repo = createSupportRecordsRepository(database.db);
    const compiled = (query === 'list' ? repo.listQuery(opts) : repo.exportQuery(opts)).compile();
    if (database.dialect === 'sqlite') {
      const rows = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      return rows.rows.map((r) => r.detail);
    }
    return database.db.transaction().execute(async (trx) => {
      // A few thousand rows are one page of a real province: make the planner price plans as at a million rows,
      // where a scan or a sort of the province is never the cheap way to 50 rows. A Sort or Seq Scan that is still
      // chosen then means no index can give the order — what this test is for.
      for (const setting of [
        'enable_seqscan',
        'enable_bitmapscan',
        'enable_sort',
        'enable_incremental_sort',
      ]) {
        await sql`select set_config(${setting}, 'off', true)`.execute(trx);
      }
      const res = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
      );
      const lines: string[] = [];
      const walk = (node: Record<string, unknown>) => {
        lines.push(
          `${String(node['Node Type'])} ${String(node['Relation Name'] ?? '')} ${String(node['Index Name'] ?? '')}`,
        );
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      const doc = res.rows[0]!['QUERY PLAN'];
      const top = (typeof doc === 'string' ? JSON.parse(doc) : doc) as { Plan: Record<string, unknown> }[];
      walk(top[0]!.Plan);
      return lines;
    });
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
        const plan = await planOf(query, {
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

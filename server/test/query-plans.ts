import { CompiledQuery, sql, type CompiledQuery as Compiled } from 'kysely';
import type { SupportRecordsTable } from '../db/schema';
import type { Subtree } from '../platform/auth/scope-sql';
import type { TestDatabase } from './database';

/**
 * Shared parts of the query-plan guards (support lists, home counts): a few thousand varied support records and
 * the plan of a query on either database, so each guard only says what it forbids.
 */

export const PLAN_PROVINCE = '80';
export const PLAN_COMMUNES = Array.from({ length: 12 }, (_, i) => `2${String(5000 + i)}`);

export const planSubtree = (level: Subtree['level'], communeCode: string | null, hamletId: string | null): Subtree => ({
  level,
  provinceCode: PLAN_PROVINCE,
  communeCode,
  hamletId,
});

/** Record `i` of the synthetic table: 60 teams, 150 hamlets, one in ten in another province, `spacingMs` apart. */
export function syntheticSupportRow(
  i: number,
  opts: { spacingMs: number; state: SupportRecordsTable['state']; reviewStatus: SupportRecordsTable['review_status'] },
): SupportRecordsTable {
  const team = i % 60;
  const at = new Date(Date.UTC(2025, 0, 1) + i * opts.spacingMs).toISOString();
  return {
    id: `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`,
    team_id: `team-${team}`,
    hamlet_id: `hamlet-${i % 150}`,
    province_code: i % 10 === 9 ? '79' : PLAN_PROVINCE,
    commune_code: PLAN_COMMUNES[i % PLAN_COMMUNES.length]!,
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
    state: opts.state,
    superseded_by: null,
    retracted_at: null,
    retraction_reason: null,
    retracted_by: null,
    review_status: opts.reviewStatus,
    reviewed_at: null,
    reviewed_by: null,
    review_note: null,
  };
}

/** One node of a PostgreSQL plan. */
export interface PlanNode {
  type: string;
  relation: string;
  index: string;
  hasIndexCond: boolean;
}

/**
 * The plan of a compiled query: SQLite's `explain query plan` lines, or PostgreSQL's nodes with `pgOff` planner
 * settings switched off in a throw-away transaction — a few thousand rows are cheap to read whole, so pricing out
 * scans (and sorts) makes the planner choose as on a large table, and a scan still chosen means no index answers.
 */
export async function planOf(
  database: TestDatabase,
  compiled: Compiled,
  pgOff: readonly string[],
): Promise<{ dialect: 'sqlite'; lines: string[] } | { dialect: 'postgres'; nodes: PlanNode[] }> {
  if (database.dialect === 'sqlite') {
    const res = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return { dialect: 'sqlite', lines: res.rows.map((r) => r.detail) };
  }
  const nodes = await database.db.transaction().execute(async (trx) => {
    for (const setting of pgOff) await sql`select set_config(${setting}, 'off', true)`.execute(trx);
    const res = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
    );
    const found: PlanNode[] = [];
    const walk = (node: Record<string, unknown>) => {
      found.push({
        type: String(node['Node Type']),
        relation: String(node['Relation Name'] ?? ''),
        index: String(node['Index Name'] ?? ''),
        hasIndexCond: Boolean(node['Index Cond']),
      });
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    const doc = res.rows[0]!['QUERY PLAN'];
    walk(((typeof doc === 'string' ? JSON.parse(doc) : doc) as { Plan: Record<string, unknown> }[])[0]!.Plan);
    return found;
  });
  return { dialect: 'postgres', nodes };
}

import { sql, type Expression, type SqlBool } from 'kysely';
import type { ScopeLevel } from '../../../shared/rules/permissions';

/** A unit subtree: one grant's scope, or the `?unit=` filter of a list. */
export interface Subtree {
  level: ScopeLevel;
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
}

/** Tables whose rows are placed in the unit tree by province_code / commune_code (/ hamlet_id). */
export type PlacedTable =
  | 'grants'
  | 'teams'
  | 'hamlets'
  | 'support_records'
  | 'audit_log'
  | 'personal_data_access'
  /** Cases (issue 10): placed where the report is, or at the raising team for a team's proposal. */
  | 'cases'
  /** Help requests (issue 11): hamlet grants reach them through the hamlet of the team they were routed to. */
  | 'help_requests';
const WITHOUT_HAMLET: ReadonlySet<PlacedTable> = new Set(['audit_log', 'personal_data_access']);
/**
 * A support record sits, for authorization, at its team's hamlet (see the support module's support.policy.ts); a
 * hamlet row is the hamlet itself.
 */
const HAMLET_COLUMN: Partial<Record<PlacedTable, string>> = {
  support_records: 'team_hamlet_id',
  help_requests: 'team_hamlet_id',
  hamlets: 'id',
};

/**
 * "This row sits inside one of the subtrees": placed rows carry province_code / commune_code / hamlet_id, so the
 * test is one equality on the right column per subtree, and every list query filters by the caller's scope in SQL.
 * An empty list matches nothing, so a caller without any grant sees no row. Raw SQL with the table name keeps it
 * usable inside joins and subqueries. Rows placed only down to the commune (audit_log) never match a hamlet subtree.
 */
export function placedInSubtrees(table: PlacedTable, subtrees: readonly Subtree[]): Expression<SqlBool> {
  if (subtrees.length === 0) return sql<SqlBool>`1 = 0`;
  const t = sql.table(table);
  const parts = subtrees.map((s) => {
    if (s.level === 'province') return sql<SqlBool>`${t}.province_code = ${s.provinceCode}`;
    if (s.level === 'commune') {
      return sql<SqlBool>`(${t}.province_code = ${s.provinceCode} and ${t}.commune_code = ${s.communeCode})`;
    }
    if (WITHOUT_HAMLET.has(table)) return sql<SqlBool>`1 = 0`;
    return sql<SqlBool>`${t}.${sql.ref(HAMLET_COLUMN[table] ?? 'hamlet_id')} = ${s.hamletId}`;
  });
  return parts.length === 1 ? parts[0]! : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Both filters at once: inside the caller's scope (or everywhere) and inside the requested unit. */
export function placedInScopeAndUnit(
  table: PlacedTable,
  scope: readonly Subtree[] | 'everywhere',
  unit: Subtree | null,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (scope !== 'everywhere') parts.push(placedInSubtrees(table, scope));
  if (unit) parts.push(placedInSubtrees(table, [unit]));
  if (parts.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

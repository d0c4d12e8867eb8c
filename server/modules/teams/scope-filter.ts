import { sql, type Expression, type SqlBool } from 'kysely';
import type { ScopeLevel } from '../../../shared/rules/permissions';

/** A unit subtree: one grant's scope, or the `?unit=` filter of a list. */
export interface Subtree {
  level: ScopeLevel;
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
}

/**
 * "This row sits inside one of the subtrees" for a table that carries province_code / commune_code / hamlet_id
 * (teams, support_records). An empty list matches nothing, so a caller without any grant sees no row.
 * Raw SQL with the table name keeps it usable inside joins and subqueries.
 */
export function rowInSubtrees(
  table: 'teams' | 'support_records',
  subtrees: readonly Subtree[],
): Expression<SqlBool> {
  if (subtrees.length === 0) return sql<SqlBool>`1 = 0`;
  const t = sql.table(table);
  const parts = subtrees.map((s) => {
    if (s.level === 'province') return sql<SqlBool>`${t}.province_code = ${s.provinceCode}`;
    if (s.level === 'commune') {
      return sql<SqlBool>`(${t}.province_code = ${s.provinceCode} and ${t}.commune_code = ${s.communeCode})`;
    }
    return sql<SqlBool>`${t}.hamlet_id = ${s.hamletId}`;
  });
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Both filters at once: inside the caller's scope and inside the requested unit. */
export function rowInScopeAndUnit(
  table: 'teams' | 'support_records',
  scope: readonly Subtree[] | 'everywhere',
  unit: Subtree | null,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (scope !== 'everywhere') parts.push(rowInSubtrees(table, scope));
  if (unit) parts.push(rowInSubtrees(table, [unit]));
  if (parts.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

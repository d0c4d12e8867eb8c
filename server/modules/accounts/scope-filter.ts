import { sql, type Expression, type SqlBool } from 'kysely';
import type { ScopeLevel } from '../../../shared/rules/permissions';

/** A unit subtree: the caller's grant for some action, or a `?unit=` filter. */
export interface Subtree {
  level: ScopeLevel;
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
}

/**
 * "This row of `grants` sits inside the subtree": grants carry province_code / commune_code / hamlet_id, so a
 * subtree test is one equality on the right column. Raw SQL keeps it usable from any subquery's scope.
 */
export function grantInSubtree(s: Subtree): Expression<SqlBool> {
  if (s.level === 'province') return sql<SqlBool>`grants.province_code = ${s.provinceCode}`;
  if (s.level === 'commune') {
    return sql<SqlBool>`(grants.province_code = ${s.provinceCode} and grants.commune_code = ${s.communeCode})`;
  }
  return sql<SqlBool>`grants.hamlet_id = ${s.hamletId}`;
}

/** The same test on any table carrying province_code / commune_code (audit_log, api_keys). */
export function rowInSubtree(table: 'audit_log' | 'api_keys', s: Subtree): Expression<SqlBool> {
  const t = sql.table(table);
  if (s.level === 'province') return sql<SqlBool>`${t}.province_code = ${s.provinceCode}`;
  if (table === 'api_keys') return sql<SqlBool>`${t}.unit_code = ${s.communeCode ?? s.hamletId}`;
  if (s.level === 'commune') return sql<SqlBool>`${t}.commune_code = ${s.communeCode}`;
  // Audit rows are placed down to the commune only; a hamlet-level reader sees nothing by placement.
  return sql<SqlBool>`1 = 0`;
}

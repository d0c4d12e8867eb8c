import { sql, type Expression, type SqlBool } from 'kysely';
import { placedInSubtrees, type Subtree } from '../../platform/auth/scope-sql';

export type { Subtree } from '../../platform/auth/scope-sql';

/** "This row of `grants` sits inside the subtree." */
export function grantInSubtree(s: Subtree): Expression<SqlBool> {
  return placedInSubtrees('grants', [s]);
}

/**
 * The same test on audit_log (placed by province/commune) and api_keys, which are issued for one unit and carry
 * its code instead of a commune column.
 */
export function rowInSubtree(table: 'audit_log' | 'api_keys', s: Subtree): Expression<SqlBool> {
  if (table === 'audit_log') return placedInSubtrees('audit_log', [s]);
  const t = sql.table(table);
  if (s.level === 'province') return sql<SqlBool>`${t}.province_code = ${s.provinceCode}`;
  return sql<SqlBool>`${t}.unit_code = ${s.communeCode ?? s.hamletId}`;
}

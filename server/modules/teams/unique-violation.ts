/**
 * "The database refused a duplicate key", on both drivers: PostgreSQL's SQLSTATE 23505 and better-sqlite3's
 * extended result codes. Services turn it into CONFLICT (or a duplicate check) instead of a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

import { Migrator, sql, type MigrationProvider } from 'kysely';
import type { Database } from './database';
import { migrations } from './migrations/index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Runs pending migrations at start-up; two servers starting at once are serialised by Kysely's lock table. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its own tables by name across schemas; pin them to our schema (one schema per test file, or
  // the deployment's search_path) so concurrent schemas on one server never see each other's migration tables.
  const schema =
    database.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({ db: database.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';

/**
 * Test databases. TEST_DIALECT=postgres (set by the "server-pg" Vitest project) runs the same suite on the
 * PostgreSQL at TEST_DATABASE_URL, each test file in its own schema that is dropped afterwards,
 * so runs never see each other's data. Otherwise an in-memory SQLite.
 */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase extends Database {
  destroy(): Promise<void>;
  /** PostgreSQL only: the schema, so a second pool (another "server") can join the same data. */
  pgSchema?: string;
  url?: string;
}

export async function createTestDatabase(
  opts: {
    migrate?: boolean;
    /** SQLite only: a file instead of memory, for tests that read what reaches the disk. */
    sqliteFile?: string;
  } = {},
): Promise<TestDatabase> {
  let database: Database;
  let drop: () => Promise<void> = async () => undefined;
  let schema: string | undefined;
  const url = process.env.TEST_DATABASE_URL;
  if (testDialect() === 'postgres') {
    if (!url) throw new Error('TEST_DIALECT=postgres needs TEST_DATABASE_URL');
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    database = createDatabase({ databaseUrl: url, pgSchema: schema, poolMax: 5 });
    const name = schema;
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${name} cascade`);
      await c.end();
    };
  } else {
    database = createDatabase({ sqliteFile: opts.sqliteFile ?? ':memory:' });
  }
  if (opts.migrate !== false) {
    try {
      await migrateToLatest(database);
    } catch (err) {
      // Never leave a half-migrated schema behind on the shared server.
      await database.close().catch(() => undefined);
      await drop();
      throw err;
    }
  }
  return {
    ...database,
    ...(schema ? { pgSchema: schema, url } : {}),
    async destroy() {
      await database.close().catch(() => undefined);
      await drop();
    },
  };
}

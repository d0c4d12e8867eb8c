import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database';

/**
 * PostgreSQL only (server-pg project): every connection of the app's pool runs without parallel workers and JIT
 * (database.ts, PG_SESSION_OPTIONS) and in its own schema, whichever pooled connection a query lands on.
 */
describe('PostgreSQL session settings', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('applies to every pooled connection', async () => {
    const read = () =>
      sql<{ workers: string; jit: string; schema: string }>`select
          current_setting('max_parallel_workers_per_gather') as workers,
          current_setting('jit') as jit,
          current_schema() as schema`.execute(database.db);
    // Concurrent queries check out several connections of the pool, not one reused.
    const results = await Promise.all(Array.from({ length: 4 }, read));
    for (const r of results) {
      expect(r.rows[0]).toMatchObject({ workers: '0', jit: 'off' });
      expect(r.rows[0]!.schema).not.toBe('public');
    }
  });
});

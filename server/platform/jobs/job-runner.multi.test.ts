import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDatabase, type Database } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { createFakeClock } from '../clock';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { enqueueJob } from './enqueue';
import { defineJob, type JobDefinition, type Schedule } from './job-definition';
import { createJobRunner } from './job-runner';

/**
 * Two "servers": two runners on two separate database connections to the same data (PostgreSQL: a second pool
 * on the test schema; SQLite: one temporary file opened twice). Each job must run exactly once.
 */
describe('two job runners on one database', () => {
  let first: Database;
  let second: Database;
  let cleanup: () => Promise<void>;
  const clock = createFakeClock('2026-11-28T03:00:00.000Z');

  beforeAll(async () => {
    if (testDialect() === 'postgres') {
      const t: TestDatabase = await createTestDatabase();
      first = t;
      second = createDatabase({ databaseUrl: t.url, pgSchema: t.pgSchema, poolMax: 5 });
      cleanup = async () => {
        await second.close();
        await t.destroy();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-jobs-'));
      const file = path.join(dir, 'jobs.sqlite');
      first = createDatabase({ sqliteFile: file });
      await migrateToLatest(first);
      second = createDatabase({ sqliteFile: file });
      cleanup = async () => {
        await first.close();
        await second.close();
        fs.rmSync(dir, { recursive: true, force: true });
      };
    }
  });
  afterAll(async () => cleanup());
  beforeEach(async () => {
    await first.db.deleteFrom('jobs').execute();
  });

  function runnerOn(database: Database, workerId: string, jobs: JobDefinition[], schedules: Schedule[] = []) {
    return createJobRunner({
      database,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      jobs,
      schedules,
      declared: [],
      workerId,
      leaseMs: 60_000,
      concurrency: 8,
    });
  }

  it('runs a scheduled slot once although both servers tick and poll', async () => {
    const runs: string[] = [];
    const schedule: Schedule[] = [{ name: 'test.slot', every: { seconds: 60 } }];
    const def = (who: string) =>
      defineJob({ name: 'test.slot', payload: z.object({}), handler: async () => void runs.push(who) });
    const a = runnerOn(first, 'a', [def('a')], schedule);
    const b = runnerOn(second, 'b', [def('b')], schedule);

    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    await Promise.all([a.tick(), b.tick(), a.runDueJobs(), b.runDueJobs()]);
    expect(runs).toHaveLength(1);
    const rows = await second.db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'done', attempts: 1, unique_key: 'test.slot@2026-11-28T03:00:00.000Z' });
  });

  it('runs each of 50 enqueued jobs exactly once across both servers', async () => {
    const seen: number[] = [];
    const byWorker = { a: 0, b: 0 };
    const def = (who: 'a' | 'b') =>
      defineJob({
        name: 'test.batch',
        payload: z.object({ n: z.number() }),
        handler: async ({ n }) => {
          seen.push(n);
          byWorker[who] += 1;
        },
      });
    const now = clock.now().toISOString();
    for (let n = 0; n < 50; n++) await enqueueJob(first.db, 'test.batch', { n }, now);
    const a = runnerOn(first, 'a', [def('a')]);
    const b = runnerOn(second, 'b', [def('b')]);

    for (let pass = 0; pass < 20; pass++) {
      const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()]);
      if (ranA + ranB === 0) break;
    }
    expect(seen.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(byWorker.a).toBeGreaterThan(0);
    expect(byWorker.b).toBeGreaterThan(0);
    const statuses = await first.db.selectFrom('jobs').select(['status', 'attempts']).execute();
    expect(statuses.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });
});

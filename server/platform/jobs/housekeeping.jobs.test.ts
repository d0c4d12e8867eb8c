import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { createFakeClock } from '../clock';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { enqueueJob } from './enqueue';
import { createHousekeepingJobs } from './housekeeping.jobs';
import { createJobRunner } from './job-runner';

describe('housekeeping jobs', () => {
  let t: TestDatabase;
  const clock = createFakeClock('2026-11-28T03:00:00.000Z');

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.destroy());

  it('deletes expired sessions and old finished jobs on their hourly slots', async () => {
    const u = await buildUser(t.db);
    const session = (id: string, expiresAt: string) => ({
      id,
      user_id: u.id,
      csrf_token: 'csrf',
      ip: null,
      user_agent: null,
      created_at: '2026-11-01T00:00:00.000Z',
      last_seen_at: '2026-11-01T00:00:00.000Z',
      expires_at: expiresAt,
    });
    await t.db
      .insertInto('sessions')
      .values([session('expired', '2026-11-28T02:59:59.999Z'), session('live', '2026-11-28T03:00:00.001Z')])
      .execute();
    await enqueueJob(t.db, 'old.done', {}, '2026-11-20T00:00:00.000Z');
    await enqueueJob(t.db, 'recent.done', {}, '2026-11-27T12:00:00.000Z');
    await enqueueJob(t.db, 'old.failed', {}, '2026-11-20T00:00:00.000Z');
    await t.db.updateTable('jobs').set({ status: 'done' }).where('name', 'in', ['old.done', 'recent.done']).execute();
    await t.db.updateTable('jobs').set({ status: 'failed' }).where('name', '=', 'old.failed').execute();

    const housekeeping = createHousekeepingJobs({ db: t.db, clock });
    const runner = createJobRunner({
      database: t,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      jobs: housekeeping.jobs,
      schedules: housekeeping.schedules,
      declared: [],
    });
    expect(await runner.runUntilIdle()).toBe(2);

    const sessions = (await t.db.selectFrom('sessions').select('id').execute()).map((s) => s.id);
    expect(sessions).toEqual(['live']);
    const jobs = (await t.db.selectFrom('jobs').select('name').execute()).map((j) => j.name).sort();
    expect(jobs).toEqual(['jobs.prune', 'old.failed', 'recent.done', 'sessions.cleanup']);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createFakeClock } from '../clock';
import { createLogger } from '../logger';
import { createMetrics, type Metrics } from '../metrics';
import { enqueueJob } from './enqueue';
import { declareJobs, defineJob, type JobDefinition, type Schedule } from './job-definition';
import { createJobRunner } from './job-runner';

const logger = createLogger('silent');

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function processedCount(metrics: Metrics, name: string, outcome: string) {
  const values = (await metrics.jobsProcessed.get()).values;
  return values.find((v) => v.labels.name === name && v.labels.outcome === outcome)?.value ?? 0;
}

describe('job runner', () => {
  let t: TestDatabase;
  let clock: ReturnType<typeof createFakeClock>;
  let metrics: Metrics;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom('jobs').execute();
    clock = createFakeClock('2026-11-28T03:00:00.000Z');
    metrics = createMetrics();
  });

  function runner(jobs: JobDefinition[], extra: { schedules?: Schedule[]; workerId?: string; leaseMs?: number } = {}) {
    return createJobRunner({
      database: t,
      clock,
      logger,
      metrics,
      jobs,
      schedules: extra.schedules ?? [],
      declared: [],
      workerId: extra.workerId ?? 'worker-a',
      pollIntervalMs: 10,
      leaseMs: extra.leaseMs ?? 60_000,
      concurrency: 4,
    });
  }

  const job = (name: string, handler: (p: { n: number }) => Promise<void>) =>
    defineJob({ name, payload: z.object({ n: z.number() }), handler: async (p) => handler(p) });

  it('claims a due job, runs it with its parsed payload and marks it done', async () => {
    const seen: number[] = [];
    const r = runner([job('test.echo', async (p) => void seen.push(p.n))]);
    await enqueueJob(t.db, 'test.echo', { n: 7 }, clock.now().toISOString());
    expect(await r.runDueJobs()).toBe(1);
    expect(seen).toEqual([7]);
    const row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', attempts: 1, lease_until: null, locked_by: 'worker-a', last_error: null });
    expect(await r.runDueJobs()).toBe(0);
    expect(await processedCount(metrics, 'test.echo', 'done')).toBe(1);
  });

  it('waits for run_at and leaves jobs it has no handler for', async () => {
    const seen: number[] = [];
    const r = runner([job('test.later', async (p) => void seen.push(p.n))]);
    const now = clock.now().toISOString();
    await enqueueJob(t.db, 'test.later', { n: 1 }, now, { runAt: '2026-11-28T03:10:00.000Z' });
    await enqueueJob(t.db, 'other.module', { n: 2 }, now);
    expect(await r.runDueJobs()).toBe(0);
    clock.set('2026-11-28T03:10:00.000Z');
    expect(await r.runDueJobs()).toBe(1);
    expect(seen).toEqual([1]);
    const other = await t.db.selectFrom('jobs').selectAll().where('name', '=', 'other.module').executeTakeFirstOrThrow();
    expect(other.status).toBe('pending');
  });

  it('retries with exponential backoff and fails after max attempts, keeping the last error', async () => {
    let calls = 0;
    const r = runner([
      job('test.flaky', async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      }),
    ]);
    await enqueueJob(t.db, 'test.flaky', { n: 1 }, clock.now().toISOString(), { maxAttempts: 3 });

    expect(await r.runDueJobs()).toBe(1);
    let row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, run_at: '2026-11-28T03:00:30.000Z', locked_by: null });
    expect(row.last_error).toContain('boom 1');

    clock.advance(29_999);
    expect(await r.runDueJobs()).toBe(0);
    clock.advance(1);
    expect(await r.runDueJobs()).toBe(1);
    row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, run_at: '2026-11-28T03:01:30.000Z' });

    clock.set('2026-11-28T03:01:30.000Z');
    expect(await r.runDueJobs()).toBe(1);
    row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.last_error).toContain('boom 3');

    clock.advance(10 * 3_600_000);
    expect(await r.runDueJobs()).toBe(0);
    expect(calls).toBe(3);
    expect(await processedCount(metrics, 'test.flaky', 'retry')).toBe(2);
    expect(await processedCount(metrics, 'test.flaky', 'failed')).toBe(1);
  });

  it('fails a job at once when its payload does not match the schema', async () => {
    let calls = 0;
    const r = runner([job('test.strict', async () => void (calls += 1))]);
    await enqueueJob(t.db, 'test.strict', { n: 'not a number' }, clock.now().toISOString());
    expect(await r.runDueJobs()).toBe(1);
    const row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('JobPayloadError');
    expect(calls).toBe(0);
  });

  it("takes a crashed worker's job again once its lease expires, and ignores the late finish", async () => {
    const stuck = deferred();
    const started = deferred();
    const runsOnB: number[] = [];
    const a = runner(
      [
        job('test.lease', async () => {
          started.resolve();
          await stuck.promise;
        }),
      ],
      { workerId: 'worker-a', leaseMs: 60_000 },
    );
    const b = runner([job('test.lease', async (p) => void runsOnB.push(p.n))], { workerId: 'worker-b', leaseMs: 60_000 });
    await enqueueJob(t.db, 'test.lease', { n: 5 }, clock.now().toISOString());

    const runA = a.runDueJobs();
    await started.promise;
    expect(await b.runDueJobs()).toBe(0);
    clock.advance(60_001);
    expect(await b.runDueJobs()).toBe(1);
    expect(runsOnB).toEqual([5]);
    let row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', attempts: 2, locked_by: 'worker-b' });

    stuck.resolve();
    await runA;
    row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', attempts: 2, locked_by: 'worker-b' });
  });

  it('fails instead of starting an attempt beyond the maximum after a lost lease', async () => {
    let calls = 0;
    const r = runner([job('test.once', async () => void (calls += 1))]);
    await enqueueJob(t.db, 'test.once', { n: 1 }, clock.now().toISOString(), { maxAttempts: 1 });
    // A worker claimed it (attempt 1 of 1) and died without finishing.
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'dead', lease_until: '2026-11-28T02:59:00.000Z' })
      .execute();
    expect(await r.runDueJobs()).toBe(1);
    const row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('lease expired');
    expect(calls).toBe(0);
  });

  it('enqueues each schedule slot once, whatever the number of ticks', async () => {
    const slots: string[] = [];
    const sched: Schedule[] = [
      { name: 'test.every', every: { seconds: 60 } },
      { name: 'test.daily', dailyAt: '07:00' },
    ];
    const echo = (name: string) => defineJob({ name, payload: z.object({}), handler: async () => void slots.push(name) });
    const a = runner([echo('test.every'), echo('test.daily')], { schedules: sched });
    const b = runner([echo('test.every'), echo('test.daily')], { schedules: sched, workerId: 'worker-b' });

    expect(await a.tick()).toBe(2);
    expect(await a.tick()).toBe(0);
    expect(await b.tick()).toBe(0);
    let keys = (await t.db.selectFrom('jobs').select('unique_key').orderBy('unique_key').execute()).map((r) => r.unique_key);
    expect(keys).toEqual(['test.daily@2026-11-28T00:00:00.000Z', 'test.every@2026-11-28T03:00:00.000Z']);

    clock.advance(60_000);
    expect(await b.tick()).toBe(1);
    expect(await a.tick()).toBe(0);
    keys = (await t.db.selectFrom('jobs').select('unique_key').orderBy('unique_key').execute()).map((r) => r.unique_key);
    expect(keys).toHaveLength(3);

    expect(await a.runUntilIdle()).toBe(3);
    expect(slots.sort()).toEqual(['test.daily', 'test.every', 'test.every']);
  });

  it('refuses to build when a declared or scheduled job has no handler, naming every one', () => {
    const build = () =>
      createJobRunner({
        database: t,
        clock,
        logger,
        metrics,
        jobs: [job('test.present', async () => undefined)],
        schedules: [{ name: 'test.scheduled-orphan', every: { seconds: 5 } }],
        declared: ['test.present', 'test.declared-orphan'],
      });
    expect(build).toThrow('Jobs without a handler: test.declared-orphan, test.scheduled-orphan');
  });

  it('by default requires a handler for every name passed to declareJobs', () => {
    declareJobs(['test.globally-declared']);
    const build = (jobs: JobDefinition[]) => createJobRunner({ database: t, clock, logger, metrics, jobs });
    expect(() => build([])).toThrow(/test\.globally-declared/);
    expect(() => build([job('test.globally-declared', async () => undefined)])).not.toThrow();
  });

  it('updates the jobs_queued gauge on every pass', async () => {
    const r = runner([job('test.gauge', async () => undefined)]);
    const now = clock.now().toISOString();
    await enqueueJob(t.db, 'test.gauge', { n: 1 }, now, { runAt: '2026-11-29T00:00:00.000Z' });
    await enqueueJob(t.db, 'test.gauge', { n: 2 }, now, { runAt: '2026-11-29T00:00:00.000Z' });
    await r.runDueJobs();
    const pending = (await metrics.jobsQueued.get()).values.find((v) => v.labels.status === 'pending');
    expect(pending?.value).toBe(2);
  });

  it('stop() stops taking jobs and resolves only after in-flight jobs finish', async () => {
    const release = deferred();
    const started = deferred();
    let finished = false;
    const r = runner([
      job('test.slow', async () => {
        started.resolve();
        await release.promise;
        finished = true;
      }),
    ]);
    await enqueueJob(t.db, 'test.slow', { n: 1 }, clock.now().toISOString());
    r.start();
    await started.promise;

    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await enqueueJob(t.db, 'test.slow', { n: 2 }, clock.now().toISOString());
    await t.db.selectFrom('jobs').select('id').execute();
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(finished).toBe(true);
    const rows = await t.db.selectFrom('jobs').select(['status', 'payload_json']).execute();
    const statusOf = Object.fromEntries(rows.map((x) => [x.payload_json, x.status]));
    expect(statusOf).toEqual({ '{"n":1}': 'done', '{"n":2}': 'pending' });
    expect(await r.runDueJobs()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { createFakeClock } from '../clock';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { uuidv7 } from '../../../shared/ids';
import { enqueueJob } from './enqueue';
import { createHousekeepingJobs, PRUNE_BATCH } from './housekeeping.jobs';
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
    await t.db
      .updateTable('jobs')
      .set({ status: 'done' })
      .where('name', 'in', ['old.done', 'recent.done'])
      .execute();
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

  it('prunes dispatched events, delivered mail, failed jobs and past rate-limit windows after the retention, in batches, never the audit log', async () => {
    const now = '2026-11-28T03:00:00.000Z';
    clock.set(now);
    const daysAgo = (d: number) => new Date(Date.parse(now) - d * 86_400_000).toISOString();
    await t.db.deleteFrom('jobs').execute();

    // More old dispatched events than one batch holds, so the prune must loop.
    const oldEvents = Array.from({ length: PRUNE_BATCH + 5 }, () => uuidv7());
    const event = (id: string, occurredAt: string, dispatchedAt: string | null) => ({
      id,
      type: 'test.happened',
      entity_type: 'test',
      entity_id: id,
      payload_json: '{}',
      occurred_at: occurredAt,
      dispatched_at: dispatchedAt,
      lease_until: null,
      last_error: null,
    });
    for (let i = 0; i < oldEvents.length; i += 200) {
      await t.db
        .insertInto('events')
        .values(oldEvents.slice(i, i + 200).map((id) => event(id, daysAgo(20), daysAgo(20))))
        .execute();
    }
    await t.db
      .insertInto('events')
      .values([event('recent-event', daysAgo(5), daysAgo(5)), event('undispatched-event', daysAgo(40), null)])
      .execute();

    const mail = (id: string, status: 'pending' | 'sent' | 'captured' | 'failed', createdAt: string) => ({
      id,
      to_address: 'someone@test.local',
      subject: 's',
      body_text: 'b',
      status,
      attempts: 1,
      last_error: null,
      created_at: createdAt,
      sent_at: null,
    });
    await t.db
      .insertInto('mail_outbox')
      .values([
        mail('old-sent', 'sent', daysAgo(11)),
        mail('old-captured', 'captured', daysAgo(11)),
        mail('old-failed', 'failed', daysAgo(11)),
        mail('old-pending', 'pending', daysAgo(11)),
        mail('recent-sent', 'sent', daysAgo(9)),
      ])
      .execute();

    await enqueueJob(t.db, 'old.failed', {}, daysAgo(20));
    await enqueueJob(t.db, 'recent.failed', {}, daysAgo(5));
    await enqueueJob(t.db, 'old.pending', {}, daysAgo(20));
    await t.db
      .updateTable('jobs')
      .set({ status: 'failed' })
      .where('name', 'in', ['old.failed', 'recent.failed'])
      .execute();

    await t.db
      .insertInto('rate_limit_counters')
      .values([
        { bucket: 'past-window', count: 3, expires_at: daysAgo(0.001) },
        { bucket: 'current-window', count: 3, expires_at: new Date(Date.parse(now) + 30_000).toISOString() },
      ])
      .execute();
    await t.db
      .insertInto('audit_log')
      .values({
        id: uuidv7(),
        at: daysAgo(400),
        actor_user_id: null,
        actor_api_key_id: null,
        action: 'test.old',
        entity_type: 'test',
        entity_id: 'x',
        province_code: null,
        commune_code: null,
        before_json: null,
        after_json: null,
        ip: null,
        request_id: null,
      })
      .execute();

    const housekeeping = createHousekeepingJobs({ db: t.db, clock, retentionDays: 10 });
    const runner = createJobRunner({
      database: t,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      jobs: housekeeping.jobs,
      schedules: housekeeping.schedules,
      declared: [],
    });
    await runner.runUntilIdle();

    const ids = async (table: 'events' | 'mail_outbox') =>
      (await t.db.selectFrom(table).select('id').execute()).map((r) => r.id).sort();
    expect(await ids('events')).toEqual(['recent-event', 'undispatched-event']);
    expect(await ids('mail_outbox')).toEqual(['old-pending', 'recent-sent']);
    const jobs = (await t.db.selectFrom('jobs').select('name').execute()).map((j) => j.name);
    expect(jobs).toEqual(expect.arrayContaining(['recent.failed', 'old.pending']));
    expect(jobs).not.toContain('old.failed');
    const counters = (await t.db.selectFrom('rate_limit_counters').select('bucket').execute()).map(
      (r) => r.bucket,
    );
    expect(counters).toEqual(['current-window']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'test.old')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { createFakeClock } from '../../platform/clock';
import { createJobRunner } from '../../platform/jobs/job-runner';
import { createLogger } from '../../platform/logger';
import { createMetrics } from '../../platform/metrics';
import { createMailJobs } from '../../platform/mail/mail-delivery';
import { createNotificationJobs, createNotificationsRepository, notifyUsers, type WebhookFetch } from './index';
import { testSealer } from '../../test/app';

const WEBHOOK = { url: 'https://hooks.test.local/cds', secret: 'webhook-secret-0123456789' };

interface Delivery {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Fake outbound HTTP: records each request and answers the next queued status (200 when none is queued). */
function createFakeFetch() {
  const deliveries: Delivery[] = [];
  const statuses: number[] = [];
  const fetch: WebhookFetch = async (url, init) => {
    deliveries.push({ url, headers: init.headers, body: init.body });
    const status = statuses.shift() ?? 200;
    return { ok: status >= 200 && status < 300, status };
  };
  return { fetch, deliveries, statuses };
}

/** What a receiver does: recompute the HMAC over the raw body and compare in constant time. */
function verifySignature(body: string, header: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const got = Buffer.from(header);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

describe('notification delivery', () => {
  let t: TestDatabase;
  let clock: ReturnType<typeof createFakeClock>;
  let fake: ReturnType<typeof createFakeFetch>;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.destroy());
  beforeEach(async () => {
    for (const table of ['jobs', 'mail_outbox', 'notifications', 'notification_preferences'] as const) {
      await t.db.deleteFrom(table).execute();
    }
    clock = createFakeClock('2026-11-28T01:00:00.000Z');
    fake = createFakeFetch();
  });

  function runner(opts: { webhook?: typeof WEBHOOK } = { webhook: WEBHOOK }) {
    const notificationJobs = createNotificationJobs({
      db: t.db,
      repo: createNotificationsRepository(t.db),
      clock,
      webhook: opts.webhook,
      fetch: fake.fetch,
    });
    return createJobRunner({
      database: t,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      jobs: [...notificationJobs.jobs, ...createMailJobs({ db: t.db, clock, transport: null, from: 'test@test.local', sealer: testSealer })],
      schedules: notificationJobs.schedules,
      declared: ['mail.send', 'notifications.webhook'],
    });
  }

  async function setPreference(userId: string, kind: string, p: { in_app?: number; email?: number; webhook?: number; digest?: number }) {
    await t.db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind, in_app: 1, email: 1, webhook: 0, digest: 0, updated_at: clock.now().toISOString(), ...p })
      .execute();
  }

  const notify = (userIds: string[], kind: 'account' | 'team' | 'support', title: string | { vi: string; en: string }) =>
    t.db
      .transaction()
      .execute((trx) => notifyUsers(trx, { userIds, kind, title, body: `${String(title)} body`, link: '/x' }, clock.now().toISOString()));

  it('by default stores an in-app notification and queues an e-mail at once, in the user\'s locale', async () => {
    const u = await buildUser(t.db);
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', u.id).execute();
    const disabled = await buildUser(t.db, { status: 'disabled' });
    const ids = await notify([u.id, u.id, disabled.id], 'team', { vi: 'Bạn được thêm vào tổ', en: 'You joined a team' });
    expect(ids).toHaveLength(1);

    const rows = await t.db.selectFrom('notifications').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: u.id, title: 'You joined a team', in_app: 1, digest_pending: 0 });
    const mails = await t.db.selectFrom('mail_outbox').selectAll().execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: u.email, subject: 'You joined a team', status: 'pending' });
    expect(mails[0]!.body_text).toContain('Details: /x');
    const jobNames = (await t.db.selectFrom('jobs').select('name').execute()).map((j) => j.name);
    expect(jobNames).toEqual(['mail.send']);

    await runner().runUntilIdle();
    expect((await t.db.selectFrom('mail_outbox').select('status').executeTakeFirstOrThrow()).status).toBe('captured');
  });

  it('posts a signed webhook, retries after a 500, and succeeds with the same event id', async () => {
    const u = await buildUser(t.db);
    await setPreference(u.id, 'support', { webhook: 1, email: 0 });
    const [id] = await notify([u.id], 'support', 'Lượt hỗ trợ đã được duyệt');
    fake.statuses.push(500);
    const r = runner();

    expect(await r.runDueJobs()).toBe(1);
    expect(fake.deliveries).toHaveLength(1);
    const job = await t.db.selectFrom('jobs').selectAll().where('name', '=', 'notifications.webhook').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, run_at: '2026-11-28T01:00:30.000Z' });
    expect(job.last_error).toContain('HTTP 500');

    clock.advance(30_000);
    expect(await r.runDueJobs()).toBe(1);
    expect(fake.deliveries).toHaveLength(2);
    const [first, second] = fake.deliveries as [Delivery, Delivery];
    expect(second.url).toBe(WEBHOOK.url);
    expect(second.headers['x-cds-event-id']).toBe(id);
    expect(first.headers['x-cds-event-id']).toBe(id);
    expect(verifySignature(second.body, second.headers['x-cds-signature']!, WEBHOOK.secret)).toBe(true);
    expect(verifySignature(second.body, second.headers['x-cds-signature']!, 'another-secret-0123456789')).toBe(false);
    expect(JSON.parse(second.body)).toEqual({
      id,
      kind: 'support',
      title: 'Lượt hỗ trợ đã được duyệt',
      body: 'Lượt hỗ trợ đã được duyệt body',
      link: '/x',
      userId: u.id,
      occurredAt: '2026-11-28T01:00:00.000Z',
    });
    expect((await t.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('done');
    expect(await t.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
  });

  it('skips delivery when the webhook was removed from the configuration since', async () => {
    const u = await buildUser(t.db);
    await setPreference(u.id, 'account', { webhook: 1 });
    await notify([u.id], 'account', 'Mật khẩu đã đổi');
    const r = runner({});
    await r.runUntilIdle();
    expect(fake.deliveries).toEqual([]);
    const job = await t.db.selectFrom('jobs').selectAll().where('name', '=', 'notifications.webhook').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
  });

  it('groups digest-kind notifications into one e-mail per user at 07:00, unread ones only, once', async () => {
    const u = await buildUser(t.db);
    const other = await buildUser(t.db);
    await setPreference(u.id, 'support', { digest: 1, in_app: 1 });
    await setPreference(other.id, 'support', { digest: 1 });
    for (const title of ['Hồ sơ A', 'Hồ sơ B', 'Hồ sơ C']) {
      clock.advance(1000);
      await notify([u.id], 'support', title);
    }
    clock.advance(1000);
    await notify([other.id], 'support', 'Hồ sơ D');
    await t.db.updateTable('notifications').set({ read_at: clock.now().toISOString() }).where('title', '=', 'Hồ sơ B').execute();
    expect(await t.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);

    // 06:59 in Vietnam on the 29th: the slot due is the 28th's, not yet the 29th's.
    const r = runner();
    clock.set('2026-11-28T23:59:00.000Z');
    await r.runUntilIdle();
    clock.set('2026-11-29T00:00:00.000Z');
    await r.runUntilIdle();

    const mails = await t.db.selectFrom('mail_outbox').selectAll().orderBy('to_address').execute();
    const mine = mails.filter((m) => m.to_address === u.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe('Cộng Đồng Số: 2 thông báo mới');
    expect(mine[0]!.body_text).toContain('Hồ sơ A');
    expect(mine[0]!.body_text).toContain('Hồ sơ C');
    expect(mine[0]!.body_text).not.toContain('Hồ sơ B');
    expect(mails.filter((m) => m.to_address === other.email)).toHaveLength(1);
    const pending = await t.db.selectFrom('notifications').select('id').where('digest_pending', '=', 1).execute();
    expect(pending).toEqual([]);

    clock.set('2026-11-30T00:00:00.000Z');
    await r.runUntilIdle();
    expect(await t.db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(2);
  });
});

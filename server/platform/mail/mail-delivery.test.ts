import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createFakeClock } from '../clock';
import { createJobRunner } from '../jobs/job-runner';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createMailJobs, type MailMessage, type MailTransport } from './mail-delivery';
import { MAIL_MAX_ATTEMPTS, queueMail } from './outbox';
import { testSealer } from '../../test/app';

const FROM = 'Cộng Đồng Số <no-reply@test.local>';

/** Fake outbound mail: records messages, or fails while `failing` is set. */
function createFakeTransport() {
  const sent: MailMessage[] = [];
  const state = { failing: false };
  const transport: MailTransport = {
    async send(message) {
      if (state.failing) throw new Error('421 service not available');
      sent.push(message);
    },
  };
  return { transport, sent, state };
}

describe('mail delivery', () => {
  let t: TestDatabase;
  let clock: ReturnType<typeof createFakeClock>;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom('mail_outbox').execute();
    await t.db.deleteFrom('jobs').execute();
    clock = createFakeClock('2026-11-28T03:00:00.000Z');
  });

  function runnerWith(transport: MailTransport | null) {
    return createJobRunner({
      database: t,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      jobs: createMailJobs({ db: t.db, clock, transport, from: FROM, sealer: testSealer }),
      declared: ['mail.send'],
    });
  }

  const queue = (to = 'citizen@test.local') =>
    t.db.transaction().execute((trx) => queueMail(trx, { to, subject: 'Chào bạn', text: 'Nội dung' }, clock.now().toISOString()));

  it('captures mail when no SMTP is configured', async () => {
    const id = await queue();
    const job = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ name: 'mail.send', payload_json: JSON.stringify({ mailId: id }), max_attempts: MAIL_MAX_ATTEMPTS });

    expect(await runnerWith(null).runDueJobs()).toBe(1);
    const row = await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'captured', attempts: 1, sent_at: null });
  });

  it('sends through the transport with the configured sender, once', async () => {
    const fake = createFakeTransport();
    const id = await queue('officer@test.local');
    const runner = runnerWith(fake.transport);
    expect(await runner.runDueJobs()).toBe(1);
    expect(fake.sent).toEqual([{ from: FROM, to: 'officer@test.local', subject: 'Chào bạn', text: 'Nội dung' }]);
    const row = await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sent_at: '2026-11-28T03:00:00.000Z' });

    // A repeated job (e.g. its completion was lost) does not send the message again.
    await t.db.updateTable('jobs').set({ status: 'pending' }).execute();
    await runner.runDueJobs();
    expect(fake.sent).toHaveLength(1);
  });

  it('retries a failing server with backoff and marks the mail failed after the last attempt', async () => {
    const fake = createFakeTransport();
    fake.state.failing = true;
    const id = await queue();
    const runner = runnerWith(fake.transport);

    await runner.runDueJobs();
    let row = await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: '421 service not available' });
    const job = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', run_at: '2026-11-28T03:00:30.000Z' });

    for (let attempt = 2; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      clock.advance(3_600_000);
      expect(await runner.runDueJobs()).toBe(1);
    }
    row = await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    expect((await t.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe('failed');
    expect(fake.sent).toHaveLength(0);
  });

  it('delivers after a transient failure', async () => {
    const fake = createFakeTransport();
    fake.state.failing = true;
    const id = await queue();
    const runner = runnerWith(fake.transport);
    await runner.runDueJobs();
    fake.state.failing = false;
    clock.advance(30_000);
    await runner.runDueJobs();
    const row = await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(fake.sent).toHaveLength(1);
  });

  it('keeps no usable link in a delivered mail, only in the one sent', async () => {
    const fake = createFakeTransport();
    const link = 'http://localhost:3000/reset-password?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    const id = await t.db
      .transaction()
      .execute((trx) => queueMail(trx, { to: 'x@test.local', subject: 'Đặt lại', text: `Mở: ${link}` }, clock.now().toISOString()));
    await runnerWith(fake.transport).runDueJobs();
    expect(fake.sent[0]?.text).toContain(link);
    const row = await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body_text).toBe('Mở: http://localhost:3000/reset-password?token=[…]');
  });
});

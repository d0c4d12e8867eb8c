import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { signWebhookBody, type WebhookFetch } from '../notifications/index';
import { createPhoneMessageJobs } from './phone-messages.jobs';
import { testSealer } from '../../test/app';

// As queued: the number sealed (queuePhoneMessage); the webhook receives it open.
const message = {
  id: '0193a000-0000-7000-8000-000000000001',
  purpose: 'invitation',
  to: testSealer.seal('+84912345678', 'jobs.phone_message'),
  text: 'Bạn được mời tham gia Cộng Đồng Số',
  link: 'http://localhost/invitations/abc',
  occurredAt: '2026-12-01T00:00:00.000Z',
};
const ctx = {
  jobId: 'j1',
  name: 'accounts.phoneMessage',
  attempt: 1,
  maxAttempts: 6,
  isLastAttempt: false,
  logger: createLogger('silent'),
};

describe('phone messages through the signed webhook', () => {
  it('posts the message signed with the webhook secret, and fails (to be retried) on a non-2xx answer', async () => {
    const calls: Parameters<WebhookFetch>[] = [];
    let status = 200;
    const fetch: WebhookFetch = async (url, init) => {
      calls.push([url, init]);
      return { ok: status < 300, status };
    };
    const [job] = createPhoneMessageJobs({
      webhook: { url: 'https://bridge.test/sms', secret: 'a-secret-of-16-chars' },
      fetch,
      sealer: testSealer,
    });
    await job!.run(message, ctx);
    const [url, init] = calls[0]!;
    expect(url).toBe('https://bridge.test/sms');
    expect(JSON.parse(init.body)).toEqual({ kind: 'phone_message', ...message, to: '+84912345678' });
    expect(init.headers['x-cds-signature']).toBe(signWebhookBody(init.body, 'a-secret-of-16-chars'));
    status = 503;
    await expect(job!.run(message, ctx)).rejects.toThrow(/503/);
  });

  it('does nothing without a webhook', async () => {
    let called = false;
    const [job] = createPhoneMessageJobs({
      webhook: undefined,
      fetch: async () => ((called = true), { ok: true, status: 200 }),
      sealer: testSealer,
    });
    await job!.run(message, ctx);
    expect(called).toBe(false);
  });
});

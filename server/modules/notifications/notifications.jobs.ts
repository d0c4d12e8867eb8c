import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Kysely, Selectable } from 'kysely';
import type { DB, NotificationsTable } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import { queueMail } from '../../platform/mail/outbox';
import type { NotificationsRepository } from './notifications.repository';
import { NOTIFICATIONS_WEBHOOK_JOB } from './notifications.service';

export const NOTIFICATIONS_DIGEST_JOB = 'notifications.digest';

/** The subset of fetch the webhook needs; tests pass a fake so nothing leaves the machine. */
export type WebhookFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number }>;

export interface WebhookTarget {
  url: string;
  secret: string;
}

const WEBHOOK_TIMEOUT_MS = 10_000;
const DIGEST_USERS_PER_PAGE = 200;

/** `sha256=<hex HMAC-SHA256 of the exact body>`: receivers recompute it over the raw bytes they got. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

const DIGEST_TEXT = {
  vi: {
    subject: (n: number) => `Cộng Đồng Số: ${n} thông báo mới`,
    intro: 'Các thông báo bạn chưa đọc kể từ bản tin trước:',
    footer: 'Bạn có thể đổi cách nhận thông báo trong mục Thông báo › Cài đặt.',
  },
  en: {
    subject: (n: number) => `Cộng Đồng Số: ${n} new notification${n === 1 ? '' : 's'}`,
    intro: 'Notifications you have not read since the last digest:',
    footer: 'You can change how you are notified under Notifications › Settings.',
  },
} as const;

function renderDigest(rows: Selectable<NotificationsTable>[], locale: 'vi' | 'en') {
  const t = DIGEST_TEXT[locale];
  const items = rows.map((r) => [`• ${r.title}`, `  ${r.body}`, ...(r.link ? [`  ${r.link}`] : [])].join('\n'));
  return { subject: t.subject(rows.length), text: [t.intro, ...items, '—', t.footer].join('\n\n') };
}

/**
 * notifications.webhook: POSTs one notification to the deployment's webhook, signed, with the notification id as
 * X-CDS-Event-Id so the receiver can drop repeats. Anything but 2xx throws, and the runner retries with backoff.
 * notifications.digest (07:00 Asia/Ho_Chi_Minh): one e-mail per user with their unread digest-kind
 * notifications since the last digest; each user's rows are marked in the same transaction as their e-mail.
 */
export function createNotificationJobs(deps: {
  db: Kysely<DB>;
  repo: NotificationsRepository;
  clock: Clock;
  webhook: WebhookTarget | undefined;
  fetch: WebhookFetch;
}): { jobs: JobDefinition[]; schedules: Schedule[] } {
  const { db, repo, clock, webhook } = deps;

  const webhookJob = defineJob({
    name: NOTIFICATIONS_WEBHOOK_JOB,
    payload: z.object({ notificationId: z.string() }),
    handler: async ({ notificationId }, ctx) => {
      const row = await repo.findById(notificationId);
      if (!row) return;
      if (!webhook) {
        // Queued while a webhook was configured and removed since: nothing left to deliver to.
        ctx.logger.info('no webhook configured; delivery skipped');
        return;
      }
      const body = JSON.stringify({
        id: row.id,
        kind: row.kind,
        title: row.title,
        body: row.body,
        link: row.link,
        userId: row.user_id,
        occurredAt: row.created_at,
      });
      const res = await deps.fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-cds-signature': signWebhookBody(body, webhook.secret),
          'x-cds-event-id': row.id,
        },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`The webhook answered HTTP ${res.status}`);
    },
  });

  const digestJob = defineJob({
    name: NOTIFICATIONS_DIGEST_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      let after: string | null = null;
      let mails = 0;
      for (;;) {
        const userIds = await repo.usersWithPendingDigest(after, DIGEST_USERS_PER_PAGE);
        if (userIds.length === 0) break;
        for (const userId of userIds) {
          if (await sendDigestTo(userId)) mails += 1;
        }
        after = userIds.at(-1) ?? null;
      }
      ctx.logger.info({ mails }, 'notification digest sent');
    },
  });

  /** Rows already read in the app are not repeated by e-mail, but they leave the digest queue all the same. */
  async function sendDigestTo(userId: string): Promise<boolean> {
    const now = clock.now().toISOString();
    return db.transaction().execute(async (trx) => {
      const rows = await repo.pendingDigestOf(userId, trx);
      const [user] = await repo.recipients([userId], trx);
      const unread = rows.filter((r) => r.read_at === null);
      const deliver = user && user.status !== 'disabled' && user.email !== null && unread.length > 0;
      if (deliver) {
        const { subject, text } = renderDigest(unread, user.locale);
        await queueMail(trx, { to: user.email!, subject, text }, now);
      }
      await repo.markDigested(
        rows.map((r) => r.id),
        now,
        trx,
      );
      return Boolean(deliver);
    });
  }

  return {
    jobs: [webhookJob, digestJob],
    schedules: [{ name: NOTIFICATIONS_DIGEST_JOB, dailyAt: '07:00' }],
  };
}

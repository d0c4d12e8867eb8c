import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { encodeCursor } from '../../../shared/contracts/paging';
import { readIdCursor } from '../../platform/paging';
import {
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_KINDS,
  type ListNotificationsQuery,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreference,
  type NotificationPreferences,
  type PutNotificationPreferencesBody,
} from '../../../shared/contracts/notifications';
import type { DB, NotificationPreferencesTable, NotificationsTable } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { requireUser, type Actor } from '../../platform/auth/actor';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { enqueueJob } from '../../platform/jobs/enqueue';
import { declareJobs } from '../../platform/jobs/job-definition';
import { queueMail } from '../../platform/mail/outbox';
import { createNotificationsRepository, type NotificationsRepository } from './notifications.repository';

export const NOTIFICATIONS_WEBHOOK_JOB = declareJobs(['notifications.webhook'])[0];
/** With the 1 h backoff cap, about two days of retries before the delivery is marked failed (and kept). */
export const WEBHOOK_MAX_ATTEMPTS = 48;

/** Text the caller gives in both languages; each recipient gets their own locale. */
export type LocalizedText = string | { vi: string; en: string };

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  title: LocalizedText;
  body: LocalizedText;
  /** An app path ("/teams/…") or an absolute URL; e-mails show it as given. */
  link?: string | null;
}

function localize(text: LocalizedText, locale: 'vi' | 'en'): string {
  return typeof text === 'string' ? text : text[locale];
}

function toPreference(kind: NotificationKind, row: NotificationPreferencesTable | undefined): NotificationPreference {
  if (!row) return { kind, ...DEFAULT_NOTIFICATION_PREFERENCE };
  return { kind, inApp: row.in_app === 1, email: row.email === 1, webhook: row.webhook === 1, digest: row.digest === 1 };
}

const EMAIL_FOOTER = {
  vi: 'Cộng Đồng Số — bạn có thể đổi cách nhận thông báo trong mục Thông báo › Cài đặt.',
  en: 'Cộng Đồng Số — you can change how you are notified under Notifications › Settings.',
};

function renderEmailText(body: string, link: string | null, locale: 'vi' | 'en'): string {
  const parts = [body];
  if (link) parts.push(`${locale === 'vi' ? 'Xem chi tiết' : 'Details'}: ${link}`);
  parts.push('—', EMAIL_FOOTER[locale]);
  return parts.join('\n\n');
}

/**
 * The one way every module notifies users. Call it inside the transaction of the change that causes it, so the
 * notification exists exactly when the change commits. Per user, their preference for `kind` decides: an in-app
 * row; an e-mail now, or a place in the 07:00 digest; a webhook delivery job. Disabled accounts are skipped.
 * Returns the ids of the notifications created.
 */
export async function notifyUsers(trx: Kysely<DB> | Transaction<DB>, input: NotifyInput, at: string): Promise<string[]> {
  const repo = createNotificationsRepository(trx);
  const userIds = [...new Set(input.userIds)];
  const users = (await repo.recipients(userIds)).filter((u) => u.status !== 'disabled');
  if (users.length === 0) return [];
  const prefs = new Map((await repo.preferencesOf(users.map((u) => u.id), input.kind)).map((p) => [p.user_id, p]));

  const rows: Insertable<NotificationsTable>[] = [];
  const mails: { to: string; subject: string; text: string }[] = [];
  const webhookIds: string[] = [];
  for (const user of users) {
    const pref = toPreference(input.kind, prefs.get(user.id));
    const title = localize(input.title, user.locale);
    const body = localize(input.body, user.locale);
    const id = uuidv7(new Date(at).getTime());
    const canEmail = pref.email && user.email !== null;
    rows.push({
      id,
      user_id: user.id,
      kind: input.kind,
      title,
      body,
      link: input.link ?? null,
      read_at: null,
      created_at: at,
      in_app: pref.inApp ? 1 : 0,
      digest_pending: canEmail && pref.digest ? 1 : 0,
      digested_at: null,
    });
    if (canEmail && !pref.digest) {
      mails.push({ to: user.email!, subject: title, text: renderEmailText(body, input.link ?? null, user.locale) });
    }
    if (pref.webhook) webhookIds.push(id);
  }
  await repo.insertNotifications(rows);
  for (const mail of mails) await queueMail(trx, mail, at);
  for (const notificationId of webhookIds) {
    await enqueueJob(trx, NOTIFICATIONS_WEBHOOK_JOB, { notificationId }, at, { maxAttempts: WEBHOOK_MAX_ATTEMPTS });
  }
  return rows.map((r) => r.id);
}

function toView(row: Selectable<NotificationsTable>): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.read_at,
    createdAt: row.created_at,
    actions: row.read_at === null ? ['markRead'] : [],
  };
}

/** The signed-in user's own notifications and preferences: nobody reads or changes another user's. */
export function createNotificationsService(deps: {
  db: Kysely<DB>;
  repo: NotificationsRepository;
  clock: Clock;
  /** Whether the deployment has a webhook (config.webhook); without one the channel cannot be turned on. */
  webhookAvailable: boolean;
}) {
  const { db, repo, clock } = deps;

  async function list(actor: Actor, query: ListNotificationsQuery): Promise<NotificationPage> {
    const me = requireUser(actor);
    const beforeId = readIdCursor(query.cursor);
    const rows = await repo.listForUser(me.user.id, { unreadOnly: query.unread === true, beforeId, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
      unreadCount: await repo.countUnread(me.user.id),
    };
  }

  /** Idempotent; NOT_FOUND for ids that are not the caller's, so ids of others cannot be probed. */
  async function markRead(ctx: AuditContext, id: string): Promise<void> {
    const me = requireUser(ctx.actor);
    const row = await repo.findById(id);
    if (!row || row.user_id !== me.user.id) {
      throw notFound('Notification not found.', 'Không tìm thấy thông báo.');
    }
    if (row.read_at !== null) return;
    await db.transaction().execute(async (trx) => {
      await repo.markRead(me.user.id, id, ctx.at, trx);
      await recordAudit(trx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id });
    });
  }

  async function markAllRead(ctx: AuditContext): Promise<void> {
    const me = requireUser(ctx.actor);
    await db.transaction().execute(async (trx) => {
      const count = await repo.markAllRead(me.user.id, ctx.at, trx);
      if (count > 0) {
        await recordAudit(trx, ctx, {
          action: 'notifications.read_all',
          entityType: 'user',
          entityId: me.user.id,
          after: { marked: count },
        });
      }
    });
  }

  async function getPreferences(actor: Actor): Promise<NotificationPreferences> {
    const me = requireUser(actor);
    const rows = new Map((await repo.preferencesOf([me.user.id], null)).map((r) => [r.kind, r]));
    return {
      items: NOTIFICATION_KINDS.map((kind) => toPreference(kind, rows.get(kind))),
      webhookAvailable: deps.webhookAvailable,
    };
  }

  async function putPreferences(ctx: AuditContext, body: PutNotificationPreferencesBody): Promise<NotificationPreferences> {
    const me = requireUser(ctx.actor);
    if (!deps.webhookAvailable) {
      const wanted = body.items.flatMap((item, i) => (item.webhook ? [i] : []));
      if (wanted.length > 0) {
        throw new AppError('VALIDATION', 'This deployment has no webhook.', {
          messageVi: 'Hệ thống chưa cấu hình webhook.',
          details: wanted.map((i) => ({
            path: `body.items.${i}.webhook`,
            message: 'No webhook is configured',
            messageVi: 'Chưa cấu hình webhook',
          })),
        });
      }
    }
    const before = await getPreferences(ctx.actor);
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.upsertPreferences(
        body.items.map((item) => ({
          user_id: me.user.id,
          kind: item.kind,
          in_app: item.inApp ? 1 : 0,
          email: item.email ? 1 : 0,
          webhook: item.webhook ? 1 : 0,
          digest: item.digest ? 1 : 0,
          updated_at: now,
        })),
        trx,
      );
      await recordAudit(trx, ctx, {
        action: 'notifications.preferences_updated',
        entityType: 'user',
        entityId: me.user.id,
        before: before.items.filter((p) => body.items.some((i) => i.kind === p.kind)),
        after: body.items,
      });
    });
    return getPreferences(ctx.actor);
  }

  return { list, markRead, markAllRead, getPreferences, putPreferences };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;

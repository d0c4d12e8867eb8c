import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, NotificationPreferencesTable, NotificationsTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** Notifications, their preferences, and the recipient facts delivery needs. Kysely only. */
export function createNotificationsRepository(db: Executor) {
  return {
    recipients(userIds: string[], ex: Executor = db) {
      if (userIds.length === 0) return Promise.resolve([]);
      return ex.selectFrom('users').select(['id', 'email', 'locale', 'status']).where('id', 'in', userIds).execute();
    },

    preferencesOf(userIds: string[], kind: string | null, ex: Executor = db) {
      if (userIds.length === 0) return Promise.resolve([] as NotificationPreferencesTable[]);
      let q = ex.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds);
      if (kind !== null) q = q.where('kind', '=', kind);
      return q.execute();
    },

    async upsertPreferences(rows: NotificationPreferencesTable[], ex: Executor = db) {
      for (const row of rows) {
        await ex
          .insertInto('notification_preferences')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['user_id', 'kind']).doUpdateSet({
              in_app: row.in_app,
              email: row.email,
              webhook: row.webhook,
              digest: row.digest,
              updated_at: row.updated_at,
            }),
          )
          .execute();
      }
    },

    async insertNotifications(rows: Insertable<NotificationsTable>[], ex: Executor = db) {
      if (rows.length > 0) await ex.insertInto('notifications').values(rows).execute();
    },

    findById(id: string, ex: Executor = db) {
      return ex.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Newest first; `beforeId` continues after the last row of the previous page (ids are time-ordered). */
    listForUser(userId: string, opts: { unreadOnly: boolean; beforeId: string | null; limit: number }, ex: Executor = db) {
      let q = ex
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .where('in_app', '=', 1);
      if (opts.unreadOnly) q = q.where('read_at', 'is', null);
      if (opts.beforeId !== null) q = q.where('id', '<', opts.beforeId);
      return q.orderBy('id', 'desc').limit(opts.limit).execute();
    },

    async countUnread(userId: string, ex: Executor = db) {
      const row = await ex
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('in_app', '=', 1)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async markRead(userId: string, id: string, at: string, ex: Executor = db) {
      await ex
        .updateTable('notifications')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .execute();
    },

    async markAllRead(userId: string, at: string, ex: Executor = db) {
      const res = await ex
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    /** Users with rows waiting for a digest, in id order after `afterUserId` (the digest walks them in pages). */
    async usersWithPendingDigest(afterUserId: string | null, limit: number, ex: Executor = db) {
      let q = ex.selectFrom('notifications').select('user_id').distinct().where('digest_pending', '=', 1);
      if (afterUserId !== null) q = q.where('user_id', '>', afterUserId);
      const rows = await q.orderBy('user_id').limit(limit).execute();
      return rows.map((r) => r.user_id);
    },

    pendingDigestOf(userId: string, ex: Executor = db) {
      return ex
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .where('digest_pending', '=', 1)
        .orderBy('id')
        .execute();
    },

    async markDigested(ids: string[], at: string, ex: Executor = db) {
      if (ids.length === 0) return;
      await ex
        .updateTable('notifications')
        .set({ digest_pending: 0, digested_at: at })
        .where('id', 'in', ids)
        .where('digest_pending', '=', 1)
        .execute();
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;

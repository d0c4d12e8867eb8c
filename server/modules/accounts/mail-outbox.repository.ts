import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Reads of the mail outbox for the demo/dev reader (queueing is platform/mail/outbox.ts). Kysely only. */
export function createMailOutboxRepository(db: Kysely<DB>) {
  return {
    /** Newest first; ids are UUIDv7, so id order is queueing order. */
    list(filter: { beforeId: string | null; limit: number }) {
      return db
        .selectFrom('mail_outbox')
        .select(['id', 'to_address', 'subject', 'body_text', 'status', 'created_at'])
        .$if(filter.beforeId !== null, (qb) => qb.where('id', '<', filter.beforeId!))
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute();
    },
  };
}
export type MailOutboxRepository = ReturnType<typeof createMailOutboxRepository>;

import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues an e-mail in the caller's transaction. The mail.send job delivers it over SMTP when configured;
 * without SMTP it is kept as "captured" so administrators can read it in demo/dev (GET /api/v1/outbox).
 */
export async function queueMail(db: Kysely<DB> | Transaction<DB>, mail: OutgoingMail, at: string): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  return id;
}

import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { enqueueJob } from '../jobs/enqueue';
import { declareJobs } from '../jobs/job-definition';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export const MAIL_SEND_JOB = declareJobs(['mail.send'])[0];

/** 30 s, 1, 2, 4, 8, 16, 32 min: about an hour of retries before a message is marked failed. */
export const MAIL_MAX_ATTEMPTS = 8;

/**
 * Queues an e-mail in the caller's transaction, with the mail.send job that delivers it: both exist exactly when
 * the change that sends the mail commits. mail.send delivers over SMTP when configured; without SMTP the
 * message is kept as "captured" so administrators can read it in demo/dev (GET /api/v1/outbox).
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
  await enqueueJob(db, MAIL_SEND_JOB, { mailId: id }, at, { maxAttempts: MAIL_MAX_ATTEMPTS });
  return id;
}

import { z } from 'zod';
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { defineJob, type JobDefinition } from '../jobs/job-definition';
import { MAIL_SEND_JOB } from './outbox';
import { MAIL_TO_CONTEXT, openSealed } from '../crypto/sealed-columns';
import type { Sealer } from '../crypto/sealing';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Outbound mail, behind an interface so tests pass a fake and never reach a real server. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** One SMTP transport (with its connection pool) for the process, created at boot from SMTP_URL. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

export interface MailDeliveryDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** null: no SMTP configured; messages are captured for administrators to read instead of being sent. */
  transport: MailTransport | null;
  from: string;
  sealer: Sealer;
}

/**
 * mail.send: delivers one mail_outbox row. A row that is no longer pending (sent or captured by an earlier run
 * whose completion was lost) is left alone, so a repeated job never sends twice from our side. Failures are
 * counted on the row and rethrown for the runner's backoff; on the last attempt the row becomes `failed`.
 */
/** Secret-shaped runs (the base64url link tokens of platform/auth/tokens.ts are 43 characters) become "[…]". */
export function redactSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9_-]{32,}/g, '[…]');
}

export function createMailJobs(deps: MailDeliveryDeps): JobDefinition[] {
  const { db, clock, transport, from } = deps;
  const send = defineJob({
    name: MAIL_SEND_JOB,
    payload: z.object({ mailId: z.string() }),
    handler: async ({ mailId }, ctx) => {
      const mail = await db.selectFrom('mail_outbox').selectAll().where('id', '=', mailId).executeTakeFirst();
      if (!mail || mail.status !== 'pending') return;
      if (!transport) {
        await db
          .updateTable('mail_outbox')
          .set({ status: 'captured', attempts: mail.attempts + 1 })
          .where('id', '=', mailId)
          .where('status', '=', 'pending')
          .execute();
        return;
      }
      try {
        // A citizen's address is queued sealed (sealed-columns.ts MAIL_TO_CONTEXT); staff addresses are plain.
        const to = openSealed(deps.sealer, MAIL_TO_CONTEXT, mail.to_address)!;
        await transport.send({ from, to, subject: mail.subject, text: mail.body_text });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db
          .updateTable('mail_outbox')
          .set({
            attempts: mail.attempts + 1,
            last_error: message.slice(0, 2000),
            ...(ctx.isLastAttempt ? { status: 'failed' as const } : {}),
          })
          .where('id', '=', mailId)
          .execute();
        throw err;
      }
      await db
        .updateTable('mail_outbox')
        // Once delivered, the stored copy keeps no usable reset or invitation link (the recipient has the mail).
        .set({
          status: 'sent',
          attempts: mail.attempts + 1,
          last_error: null,
          sent_at: clock.now().toISOString(),
          body_text: redactSecrets(mail.body_text),
        })
        .where('id', '=', mailId)
        .execute();
    },
  });
  return [send];
}

import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { enqueueJob } from '../../platform/jobs/enqueue';
import { declareJobs, defineJob, type JobDefinition } from '../../platform/jobs/job-definition';
import { signWebhookBody, type WebhookFetch } from '../notifications/index';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

/**
 * Messages to a phone number that has no account yet (an invitation) or that signs in by phone (a password reset).
 * They leave through the deployment's signed webhook, the bridge to SMS or a Zalo Official Account, as
 * `{ id, kind: "phone_message", purpose, to, text, link, occurredAt }` with X-CDS-Signature like every webhook call.
 * Queued in the caller's transaction, so a message exists exactly when its invitation or reset link does.
 */
export const PHONE_MESSAGE_JOB = declareJobs(['accounts.phoneMessage'])[0];
const PHONE_MESSAGE_MAX_ATTEMPTS = 6;
const WEBHOOK_TIMEOUT_MS = 10_000;

const PhoneMessageSchema = z.object({
  id: z.string(),
  purpose: z.enum(['invitation', 'password_reset', 'privacy_request']),
  to: z.string(),
  text: z.string(),
  link: z.string(),
  occurredAt: z.string(),
});
export type PhoneMessage = z.infer<typeof PhoneMessageSchema>;

/** The sealing context of the number in a queued message (see SEALED_JSON_FIELDS): opened only to send it. */
const MESSAGE_PHONE = 'jobs.phone_message';

export async function queuePhoneMessage(
  trx: Kysely<DB> | Transaction<DB>,
  sealer: Sealer,
  message: Omit<PhoneMessage, 'id' | 'occurredAt'>,
  at: string,
): Promise<void> {
  const payload: PhoneMessage = {
    id: uuidv7(new Date(at).getTime()),
    occurredAt: at,
    ...message,
    to: sealer.seal(message.to, MESSAGE_PHONE),
  };
  await enqueueJob(trx, PHONE_MESSAGE_JOB, payload, at, { maxAttempts: PHONE_MESSAGE_MAX_ATTEMPTS });
}

/** Without a webhook the message is dropped: the inviter then shares the link shown to them, as before. */
export function createPhoneMessageJobs(deps: {
  webhook: { url: string; secret: string } | undefined;
  fetch: WebhookFetch;
  sealer: Sealer;
}): JobDefinition[] {
  const job = defineJob({
    name: PHONE_MESSAGE_JOB,
    payload: PhoneMessageSchema,
    handler: async (message, ctx) => {
      if (!deps.webhook) {
        ctx.logger.info('no webhook configured; phone message skipped');
        return;
      }
      const body = JSON.stringify({
        kind: 'phone_message',
        ...message,
        to: openSealed(deps.sealer, MESSAGE_PHONE, message.to),
      });
      const res = await deps.fetch(deps.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-cds-signature': signWebhookBody(body, deps.webhook.secret),
          'x-cds-event-id': message.id,
        },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`The webhook answered HTTP ${res.status}`);
    },
  });
  return [job];
}

import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { MAIL_TO_CONTEXT, openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { enqueueJob } from '../../platform/jobs/enqueue';
import type { DispatchedEvent, EventBus } from '../../platform/jobs/event-dispatch';
import { declareJobs, defineJob, type JobDefinition } from '../../platform/jobs/job-definition';
import { queueMail } from '../../platform/mail/outbox';

/**
 * The asker is told by e-mail when their question is answered (issue 11), through the platform's outbox: the
 * `question.answered` event (written with the answer) becomes one `questions.notify` job keyed by the event id, so a
 * redelivered event mails nobody twice; the job queues the mail with the address sealed (opened only to send, never
 * logged). An asker whose contact was erased, withdrawn or past retention gets nothing.
 */
export const QUESTION_NOTIFY_JOB = declareJobs(['questions.notify'])[0];

export function createQuestionNotify(deps: {
  db: Kysely<DB>;
  clock: Clock;
  sealer: Sealer;
  publicUrl: string;
}) {
  const { db, sealer, publicUrl } = deps;

  async function onEvent(event: DispatchedEvent): Promise<void> {
    await enqueueJob(db, QUESTION_NOTIFY_JOB, { eventId: event.id }, deps.clock.now().toISOString(), {
      uniqueKey: `${QUESTION_NOTIFY_JOB}:${event.id}`,
    });
  }

  function subscribe(bus: EventBus): void {
    bus.subscribe('question.answered', onEvent);
  }

  async function handle(eventId: string): Promise<void> {
    const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
    if (!event || event.type !== 'question.answered') return;
    const payload = JSON.parse(event.payload_json) as { official?: boolean };
    await db.transaction().execute(async (trx) => {
      const q = await trx
        .selectFrom('questions')
        .select(['id', 'title', 'asker_email', 'contact_anonymised_at', 'status'])
        .where('id', '=', event.entity_id)
        .executeTakeFirst();
      if (!q || q.contact_anonymised_at !== null || q.status !== 'published') return;
      const to = openSealed(sealer, 'questions.asker_email', q.asker_email);
      if (!to) return;
      const link = `${publicUrl}/questions/${q.id}`;
      const official = payload.official === true;
      await queueMail(
        trx,
        {
          to: sealer.seal(to, MAIL_TO_CONTEXT),
          subject: `Câu hỏi của bạn đã có câu trả lời / Your question has an answer`,
          text:
            `Câu hỏi "${q.title}" vừa có ${official ? 'câu trả lời chính thức' : 'câu trả lời'}.\n` +
            `Xem tại: ${link}\n\n---\n\n` +
            `Your question "${q.title}" has ${official ? 'an official answer' : 'a new answer'}.\nRead it: ${link}`,
        },
        deps.clock.now().toISOString(),
      );
    });
  }

  const job: JobDefinition = defineJob({
    name: QUESTION_NOTIFY_JOB,
    payload: z.object({ eventId: z.string() }),
    handler: async ({ eventId }) => handle(eventId),
  });

  return { subscribe, onEvent, handle, jobs: [job] };
}
export type QuestionNotify = ReturnType<typeof createQuestionNotify>;

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The code of the latest request as the person received it: read from the queued SMS/Zalo job or the captured mail. */
export async function codeSentFor(db: Kysely<DB>, kind: 'phone' | 'email'): Promise<string> {
  if (kind === 'phone') {
    const job = await db
      .selectFrom('jobs')
      .select('payload_json')
      .where('name', '=', 'accounts.phoneMessage')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return /(\d{6})/.exec((JSON.parse(job.payload_json) as { text: string }).text)![1]!;
  }
  const mail = await db.selectFrom('mail_outbox').select('body_text').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return /(\d{6})/.exec(mail.body_text)![1]!;
}

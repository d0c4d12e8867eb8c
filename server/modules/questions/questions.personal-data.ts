import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import type { PersonalDataProvider } from '../../platform/privacy/providers';

/** What erasure and retention clear on a question: the asker's contact and name, and the private link. */
export const ANONYMISED_ASKER = {
  asker_name: null,
  asker_email: null,
  asker_email_hash: null,
  asker_token_hash: null,
} as const;

/**
 * The Q&A's part of data-subject requests (issue 11): the questions an e-mail address asked (askers leave no
 * phone). Deletion clears the display name, the e-mail and the private link; the question and its answers stay as
 * the public record (the register's withdrawal text: "made anonymous"), and a personal-data edit by a moderator
 * remains possible for anything the text itself says.
 */
export function questionsPersonalData(sealer: Sealer): PersonalDataProvider {
  return {
    purpose: 'questions',
    async find(db: Kysely<DB>, contact) {
      if (contact.kind !== 'email') return [];
      const rows = await db
        .selectFrom('questions')
        .select(['id', 'title', 'body', 'topic', 'status', 'asker_name', 'asker_email', 'created_at'])
        .where('asker_email_hash', 'in', contact.hashes)
        .orderBy('created_at')
        .execute();
      return rows.map((q) => ({
        label: { vi: 'Câu hỏi bạn đã gửi', en: 'A question you asked' },
        recordId: q.id,
        data: {
          title: q.title,
          body: q.body,
          topic: q.topic,
          status: q.status,
          askedAt: q.created_at,
          displayName: q.asker_name,
          email: openSealed(sealer, 'questions.asker_email', q.asker_email),
        },
      }));
    },
    async erase(db, contact, at) {
      if (contact.kind !== 'email') return 0;
      const res = await db
        .updateTable('questions')
        .set({ ...ANONYMISED_ASKER, contact_anonymised_at: at, updated_at: at })
        .where('asker_email_hash', 'in', contact.hashes)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}

import { sql, type SqlBool } from 'kysely';
import { anonymiseInBatches, type RetentionRule } from '../../platform/privacy/retention';
import { ANONYMISED_ASKER } from './questions.personal-data';

/**
 * Questions (register purpose "questions", 12 months): the asker's e-mail, display name and private link are cleared
 * once the register's period has passed since the question was first answered — or, for a question never answered,
 * since it was asked (nobody will be told of anything any more). The question and its answers stay public.
 */
export const questionsRetention: RetentionRule = {
  purpose: 'questions',
  clears: "askers' e-mails, display names and private links",
  async apply(db, cutoff, at) {
    return anonymiseInBatches(
      async (limit) =>
        (
          await db
            .selectFrom('questions')
            .select('id')
            .where('contact_anonymised_at', 'is', null)
            .where(sql<SqlBool>`coalesce(first_answered_at, created_at) < ${cutoff}`)
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      async (ids) => {
        await db
          .updateTable('questions')
          .set({ ...ANONYMISED_ASKER, contact_anonymised_at: at })
          .where('id', 'in', ids)
          .execute();
      },
    );
  },
};

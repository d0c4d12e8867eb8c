import type { ConsentWithdrawalHook } from '../../platform/privacy/consent';
import { QUESTION_CONTACT_SUBJECT } from './questions.service';

/**
 * The Q&A's part in consent withdrawal (platform/privacy/consent.ts): as the register says, the question is made
 * anonymous — the e-mail (no more answer mails), the display name and the private link are cleared; the question
 * and its answers stay public.
 */
export const questionContactConsentHook: ConsentWithdrawalHook = {
  subjectType: QUESTION_CONTACT_SUBJECT,
  purpose: 'questions',
  async withdraw(trx, questionId, at) {
    await trx
      .updateTable('questions')
      .set({
        asker_name: null,
        asker_email: null,
        asker_email_hash: null,
        asker_token_hash: null,
        contact_anonymised_at: at,
        updated_at: at,
      })
      .where('id', '=', questionId)
      .execute();
    return [questionId];
  },
};

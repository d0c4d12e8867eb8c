import type { ConsentWithdrawalHook } from '../../platform/privacy/consent';
import type { Sealer } from '../../platform/crypto/sealing';
import { CASE_FOLLOWER_SUBJECT, clearFollower } from './case-citizen.service';
import { CASE_CONTACT_SUBJECT } from './case-intake.service';

/**
 * The case engine's part in consent withdrawal (platform/privacy/consent.ts). Handling a report is a public task and
 * goes on; what rested on consent is being told of progress, so withdrawing clears the reporter's phone and e-mail
 * (no more progress messages) — or, for a follower, stops the mails and clears the address.
 */
export const caseContactConsentHook: ConsentWithdrawalHook = {
  subjectType: CASE_CONTACT_SUBJECT,
  purpose: 'reports',
  async withdraw(trx, caseId, at) {
    await trx
      .updateTable('cases')
      .set({
        reporter_phone: null,
        reporter_phone_hash: null,
        reporter_email: null,
        reporter_email_hash: null,
        updated_at: at,
      })
      .where('id', '=', caseId)
      .execute();
    return [caseId];
  },
};

export function caseFollowerConsentHook(sealer: Sealer): ConsentWithdrawalHook {
  return {
    subjectType: CASE_FOLLOWER_SUBJECT,
    purpose: 'reports',
    async withdraw(trx, followerId, at) {
      await clearFollower(trx, sealer, followerId, at);
      return [followerId];
    },
  };
}

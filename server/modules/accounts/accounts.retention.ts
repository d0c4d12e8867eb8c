import type { RetentionRule } from '../../platform/privacy/retention';
import { anonymiseInBatches } from '../../platform/privacy/retention';

/**
 * Accounts (register purpose "accounts": 12 months after the account is disabled): the phone number of a disabled
 * account is cleared. A disabled account's last change is its disabling (updated_at), unless it was renamed after.
 * The account row stays: the audit trail and the records it made refer to it.
 */
export const accountsRetention: RetentionRule = {
  purpose: 'accounts',
  clears: 'phone number of disabled accounts',
  apply: (db, cutoff, at) =>
    anonymiseInBatches(
      async (limit) =>
        (
          await db
            .selectFrom('users')
            .select('id')
            .where('status', '=', 'disabled')
            .where('updated_at', '<', cutoff)
            .where('phone', 'is not', null)
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      async (ids) => {
        await db
          .updateTable('users')
          .set({ phone: null, phone_hash: null, updated_at: at })
          .where('id', 'in', ids)
          .execute();
      },
    ),
};

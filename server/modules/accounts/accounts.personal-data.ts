import type { PersonalDataProvider } from '../../platform/privacy/providers';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

/**
 * Accounts' part of data-subject requests: the account found by its phone's hash or its sign-in e-mail. Deletion
 * clears the phone number; the account itself and its sign-in e-mail stay until an administrator disables it (the
 * records and the audit trail refer to it), which the handler states in the answer.
 */
export function accountsPersonalData(sealer: Sealer): PersonalDataProvider {
  return {
    purpose: 'accounts',
    async find(db, contact) {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'phone', 'status', 'locale', 'created_at', 'last_login_at'])
        .where(contact.kind === 'phone' ? 'phone_hash' : 'email', 'in', contact.kind === 'phone' ? contact.hashes : [contact.value])
        .execute();
      return rows.map((r) => ({
        label: { vi: 'Tài khoản', en: 'Account' },
        recordId: r.id,
        data: {
          name: r.name,
          email: r.email,
          phone: openSealed(sealer, 'users.phone', r.phone),
          status: r.status,
          language: r.locale,
          createdAt: r.created_at,
          lastSignInAt: r.last_login_at,
        },
      }));
    },
    async erase(db, contact, at) {
      if (contact.kind !== 'phone') return 0;
      const res = await db
        .updateTable('users')
        .set({ phone: null, phone_hash: null, updated_at: at })
        .where('phone_hash', 'in', contact.hashes)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}

import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { DEFAULT_HELP_REQUEST_RETENTION_DAYS } from '../../../shared/rules/help-request-workflow';
import type { DB } from '../../db/schema';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import type { ConsentWithdrawalHook } from '../../platform/privacy/consent';
import type { PersonalDataProvider } from '../../platform/privacy/providers';
import { anonymiseInBatches, retentionCutoff, type RetentionRule } from '../../platform/privacy/retention';
import { HELP_REQUEST_CONTACT_SUBJECT } from './help-request-intake.service';

type Executor = Kysely<DB> | Transaction<DB>;

/** What anonymising a request clears: the requester's phone, name and address, and the free text of the need. */
const CLEARED = {
  contact_phone: null,
  contact_phone_hash: null,
  contact_name: null,
  address: null,
  need_text: '',
  preferred_time: null,
} as const;

/**
 * Clears the contact of these requests; those still open are cancelled (nobody can call without a phone), with a
 * timeline entry. The request itself stays: its state, place, team and the linked support record keep the figures.
 */
async function clearRequests(
  ex: Executor,
  ids: readonly string[],
  at: string,
  reason: string,
): Promise<void> {
  if (ids.length === 0) return;
  const open = await ex
    .selectFrom('help_requests')
    .select(['id', 'state', 'province_code'])
    .where('id', 'in', [...ids])
    .where('state', 'in', ['new', 'assigned', 'scheduled'])
    .execute();
  for (const r of open) {
    await ex
      .insertInto('help_request_updates')
      .values({
        id: uuidv7(new Date(at).getTime()),
        help_request_id: r.id,
        province_code: r.province_code,
        action: 'cancel',
        from_state: r.state,
        to_state: 'cancelled',
        note: reason,
        actor_user_id: null,
        created_at: at,
      })
      .execute();
  }
  if (open.length > 0) {
    await ex
      .updateTable('help_requests')
      .set({ state: 'cancelled', closed_at: at, close_reason: reason })
      .where(
        'id',
        'in',
        open.map((r) => r.id),
      )
      .execute();
  }
  await ex
    .updateTable('help_requests')
    .set({ ...CLEARED, contact_anonymised_at: at, updated_at: at })
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Help requests' part of data-subject requests: the requests a phone number sent. Deletion clears the contact and
 * the need's free text; a request still open is cancelled.
 */
export function helpRequestsPersonalData(sealer: Sealer): PersonalDataProvider {
  return {
    purpose: 'help_requests',
    async find(db, contact) {
      if (contact.kind !== 'phone') return [];
      const rows = await db
        .selectFrom('help_requests')
        .select([
          'id',
          'code',
          'state',
          'need_text',
          'preferred_time',
          'address',
          'contact_name',
          'contact_phone',
          'created_at',
        ])
        .where('contact_phone_hash', 'in', contact.hashes)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        label: { vi: 'Yêu cầu hỗ trợ đã gửi', en: 'A help request you sent' },
        recordId: r.id,
        data: {
          code: r.code,
          state: r.state,
          need: r.need_text,
          preferredTime: r.preferred_time,
          sentAt: r.created_at,
          name: openSealed(sealer, 'help_requests.contact_name', r.contact_name),
          phone: openSealed(sealer, 'help_requests.contact_phone', r.contact_phone),
          address: openSealed(sealer, 'help_requests.address', r.address),
        },
      }));
    },
    async erase(db, contact, at) {
      if (contact.kind !== 'phone') return 0;
      const ids = (
        await db
          .selectFrom('help_requests')
          .select('id')
          .where('contact_phone_hash', 'in', contact.hashes)
          .execute()
      ).map((r) => r.id);
      await clearRequests(db, ids, at, 'personal-data deletion request');
      return ids.length;
    },
  };
}

/**
 * Withdrawing consent (from a data-subject request or staff recording it): the contact rested on consent alone, so
 * it is cleared at once and a request still waiting is cancelled — the register's promise for this purpose.
 */
export const helpRequestConsentHook: ConsentWithdrawalHook = {
  subjectType: HELP_REQUEST_CONTACT_SUBJECT,
  purpose: 'help_requests',
  async withdraw(trx, requestId, at) {
    await clearRequests(trx, [requestId], at, 'consent withdrawn');
    return [requestId];
  },
};

/**
 * Retention: a closed request's contact is anonymised the province's period after closing (help_request_settings,
 * default 90 days). Each province counts its own period, so the register's cutoff is not used.
 */
export const helpRequestsRetention: RetentionRule = {
  purpose: 'help_requests',
  clears: "requesters' phones, names, addresses and the need's free text",
  async apply(db, _registerCutoff, at) {
    const [provinces, settings] = await Promise.all([
      db.selectFrom('help_requests').select('province_code').distinct().execute(),
      db.selectFrom('help_request_settings').select(['province_code', 'retention_days']).execute(),
    ]);
    const days = new Map(settings.map((s) => [s.province_code, s.retention_days]));
    let cleared = 0;
    for (const { province_code: provinceCode } of provinces) {
      const cutoff = retentionCutoff(new Date(at), {
        amount: days.get(provinceCode) ?? DEFAULT_HELP_REQUEST_RETENTION_DAYS,
        unit: 'days',
        text: { vi: '', en: '' },
      });
      cleared += await anonymiseInBatches(
        async (limit) =>
          (
            await db
              .selectFrom('help_requests')
              .select('id')
              .where('province_code', '=', provinceCode)
              .where('contact_anonymised_at', 'is', null)
              .where('closed_at', 'is not', null)
              .where('closed_at', '<', cutoff)
              .limit(limit)
              .execute()
          ).map((r) => r.id),
        async (ids) => {
          await db
            .updateTable('help_requests')
            .set({ ...CLEARED, contact_anonymised_at: at })
            .where('id', 'in', ids)
            .execute();
        },
      );
    }
    return cleared;
  },
};

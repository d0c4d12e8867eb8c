import type { Kysely, Transaction } from 'kysely';
import type { PurposeId, ConsentChannel } from '../../../shared/privacy/register-types';
import type { ConsentRecordsTable, ContactHash, DB } from '../../db/schema';
import type { PersonalDataProvider } from './providers';

/**
 * Consent records (issue 9; Law 91/2025): every module whose legal basis is consent writes one row per consent given
 * (purpose, text version, channel, who recorded it, for which of its records, the contact's hash when it holds one)
 * and declares a withdrawal hook that clears what it kept only with consent. Withdrawal — from the module's own
 * screen, or for a data-subject request by contact — goes through here, so it is recorded the same way everywhere
 * and no module can forget to honour it.
 */

type Executor = Kysely<DB> | Transaction<DB>;

export interface ConsentGiven {
  purpose: PurposeId;
  textVersion: string;
  channel: ConsentChannel;
  subjectType: string;
  subjectId: string;
  provinceCode: string;
  contactHash?: ContactHash | null;
  /** The member or officer who recorded it; null when the person gave it themselves on the web. */
  recordedBy: string | null;
  givenAt: string;
}

/** The row of one consent; the subject's id is the consent's id (one consent per record). */
export function consentRow(c: ConsentGiven): ConsentRecordsTable {
  return {
    id: c.subjectId,
    province_code: c.provinceCode,
    purpose: c.purpose,
    text_version: c.textVersion,
    channel: c.channel,
    subject_type: c.subjectType,
    subject_id: c.subjectId,
    contact_hash: c.contactHash ?? null,
    recorded_by: c.recordedBy,
    given_at: c.givenAt,
    withdrawn_at: null,
    withdrawal_channel: null,
    withdrawn_by: null,
  };
}

const CHUNK = 200;

/** Writes consents in the caller's transaction (chunked for SQLite's variable limit); a resent one is kept once. */
export async function recordConsents(ex: Executor, given: readonly ConsentGiven[]): Promise<void> {
  for (let i = 0; i < given.length; i += CHUNK) {
    await ex
      .insertInto('consent_records')
      .values(given.slice(i, i + CHUNK).map(consentRow))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * A module's answer to a withdrawal: clears, in the caller's transaction, what it kept of this record only with
 * consent, and answers the ids of every record it cleared (a record and its corrected versions share one consent),
 * whose consent rows are then all marked withdrawn.
 */
export interface ConsentWithdrawalHook {
  subjectType: string;
  purpose: PurposeId;
  withdraw(trx: Executor, subjectId: string, at: string): Promise<string[]>;
}

export interface Withdrawal {
  channel: ConsentChannel | 'request';
  /** Who carried it out (a member, a handler); null when the person did it themselves on the web. */
  by: string | null;
  at: string;
}

export interface ConsentWithdrawn {
  purpose: string;
  subjectType: string;
  /** Records whose consented data was cleared. */
  subjects: string[];
}

export function createConsentRegistry(hooks: readonly ConsentWithdrawalHook[]) {
  const bySubject = new Map(hooks.map((h) => [h.subjectType, h]));

  /** Withdraws the consent given for one record: the module clears its data, every consent row of it is marked. */
  async function withdraw(trx: Executor, subjectType: string, subjectId: string, w: Withdrawal): Promise<ConsentWithdrawn> {
    const hook = bySubject.get(subjectType);
    // A consent whose module declared no hook could never be honoured: refuse at once rather than mark it withdrawn.
    if (!hook) throw new Error(`No consent withdrawal hook for ${subjectType}`);
    const cleared = await hook.withdraw(trx, subjectId, w.at);
    const subjects = [...new Set([subjectId, ...cleared])];
    await trx
      .updateTable('consent_records')
      .set({ withdrawn_at: w.at, withdrawal_channel: w.channel, withdrawn_by: w.by })
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', subjects)
      .where('withdrawn_at', 'is', null)
      .execute();
    return { purpose: hook.purpose, subjectType, subjects };
  }

  /** Every consent a contact gave that still stands, withdrawn (a data-subject request of kind "withdrawal"). */
  async function withdrawByContact(trx: Executor, hashes: readonly ContactHash[], w: Withdrawal) {
    if (hashes.length === 0) return [];
    const standing = await trx
      .selectFrom('consent_records')
      .select(['subject_type', 'subject_id'])
      .where('contact_hash', 'in', [...hashes])
      .where('withdrawn_at', 'is', null)
      .orderBy('given_at')
      .execute();
    const done: ConsentWithdrawn[] = [];
    for (const c of standing) done.push(await withdraw(trx, c.subject_type, c.subject_id, w));
    return done;
  }

  return { withdraw, withdrawByContact, subjectTypes: () => [...bySubject.keys()] };
}

export type ConsentRegistry = ReturnType<typeof createConsentRegistry>;

/**
 * The consent records themselves answer access and deletion requests: the person sees what they agreed to and when;
 * on deletion their contact hash is cleared (the row stays as the controller's proof that consent was given).
 */
export const consentPersonalData: PersonalDataProvider = {
  purpose: 'consent_records',
  async find(db, contact) {
    const rows = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('contact_hash', 'in', contact.hashes)
      .orderBy('given_at')
      .execute();
    return rows.map((r) => ({
      label: { vi: 'Sự đồng ý đã cho', en: 'Consent given' },
      recordId: r.id,
      data: {
        purpose: r.purpose,
        textVersion: r.text_version,
        channel: r.channel,
        givenAt: r.given_at,
        withdrawnAt: r.withdrawn_at,
      },
    }));
  },
  async erase(db, contact) {
    const res = await db
      .updateTable('consent_records')
      .set({ contact_hash: null })
      .where('contact_hash', 'in', contact.hashes)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },
};

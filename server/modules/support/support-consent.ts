import type { Kysely, Transaction } from 'kysely';
import type { DB, SupportRecordsTable } from '../../db/schema';
import { findPurpose } from '../../../shared/privacy/register';
import type { ConsentGiven, ConsentWithdrawalHook } from '../../platform/privacy/consent';

/**
 * The version of the consent text a member reads aloud before recording (the register's purpose "support_records"),
 * stored with each record made with consent, so the record says which wording the person agreed to.
 */
export const SUPPORT_CONSENT_VERSION = findPurpose('support_records').consent!.version;

/** The consent columns of a new record. */
export function consentColumns(consent: boolean) {
  return {
    consent: consent ? 1 : 0,
    consent_version: consent ? SUPPORT_CONSENT_VERSION : null,
    consent_withdrawn_at: null,
  };
}

/** A support record's consent: read aloud by its author, in person, when the help took place. */
export function supportConsent(
  r: Pick<SupportRecordsTable, 'id' | 'province_code' | 'consent' | 'consent_version' | 'author_user_id' | 'occurred_at'>,
): ConsentGiven | null {
  if (r.consent !== 1) return null;
  return {
    purpose: 'support_records',
    textVersion: r.consent_version ?? SUPPORT_CONSENT_VERSION,
    channel: 'in_person',
    subjectType: 'support_record',
    subjectId: r.id,
    provinceCode: r.province_code,
    recordedBy: r.author_user_id,
    givenAt: r.occurred_at,
  };
}

/** The consents of the records that carry one. */
export function supportConsents(rows: readonly Parameters<typeof supportConsent>[0][]): ConsentGiven[] {
  return rows.map(supportConsent).filter((c): c is ConsentGiven => c !== null);
}

/**
 * Clears what a record kept only with consent — note and location — on the record and on every version of it
 * (corrections supersede, the older versions still hold the text), and marks the withdrawal. Kysely only.
 */
export async function clearConsentedData(trx: Kysely<DB> | Transaction<DB>, id: string, at: string): Promise<string[]> {
  const chain = new Set<string>([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const linked = await trx
      .selectFrom('support_records')
      .select(['id', 'supersedes', 'superseded_by'])
      .where((eb) => eb.or([eb('id', 'in', frontier), eb('supersedes', 'in', frontier)]))
      .execute();
    const next: string[] = [];
    for (const r of linked) {
      for (const other of [r.id, r.supersedes, r.superseded_by]) {
        if (other && !chain.has(other)) {
          chain.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  const ids = [...chain];
  await trx
    .updateTable('support_records')
    .set({ note: null, lat: null, lng: null, accuracy: null, consent_withdrawn_at: at })
    .where('id', 'in', ids)
    .execute();
  return ids;
}

/** Support's part in the platform's consent withdrawal (platform/privacy/consent.ts). */
export const supportConsentHook: ConsentWithdrawalHook = {
  subjectType: 'support_record',
  purpose: 'support_records',
  withdraw: (trx, id, at) => clearConsentedData(trx, id, at),
};

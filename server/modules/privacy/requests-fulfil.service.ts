import type { Kysely } from 'kysely';
import type { DataSubjectExport, ErasureResult } from '../../../shared/contracts/privacy';
import { canAt } from '../../../shared/rules/permissions';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { ContactHash, DB } from '../../db/schema';
import { recordPersonalDataAccess } from '../../platform/access-log';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorGrants, requireUser, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { EMAIL_HASH_CONTEXT, openSealed, PHONE_HASH_CONTEXT } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { conflict, notFound } from '../../platform/errors';
import type { ConsentRegistry } from '../../platform/privacy/consent';
import type { PersonalDataProvider, SubjectContact } from '../../platform/privacy/providers';
import type { RequestRow, RequestsRepository } from './requests.repository';

export const CONTACT_CONTEXT = 'data_subject_requests.contact';

export interface RequestsDeps {
  db: Kysely<DB>;
  requests: RequestsRepository;
  clock: Clock;
  sealer: Sealer;
  provinceCode: string;
  publicUrl: string;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  /** Every module's part in access and deletion requests, registered by the composition root. */
  providers: readonly PersonalDataProvider[];
  /** The platform's consent records, for withdrawal requests. */
  consent: ConsentRegistry;
}

function requireOpen(row: RequestRow) {
  if (row.status !== 'verified' && row.status !== 'in_progress') {
    throw conflict('This request is not open.', 'Yêu cầu này không còn mở.');
  }
}

/**
 * Carrying out a verified request (province administrators in its province): the access export, the erasure of a
 * deletion request, the withdrawal of every consent for a withdrawal request. Each works on the request's contact
 * under every key version's hash, so rows a key rotation has not reached yet are found too.
 */
export function createRequestFulfilment(deps: RequestsDeps) {
  const { db, requests, sealer } = deps;

  async function loadHandled(actor: Actor, id: string) {
    requireUser(actor);
    const row = await requests.findById(id);
    if (!row || !canAt(actorGrants(actor), 'privacy.requests', { provinceCode: row.province_code })) {
      throw notFound('Request not found.', 'Không tìm thấy yêu cầu.');
    }
    if (row.status === 'unverified' || row.status === 'expired') {
      throw conflict('This request was never verified.', 'Yêu cầu này chưa được xác nhận.');
    }
    const value = openSealed(sealer, CONTACT_CONTEXT, row.contact)!;
    const contact: SubjectContact = {
      kind: row.contact_kind,
      value,
      hashes: sealer.hashesFor(value, row.contact_kind === 'phone' ? PHONE_HASH_CONTEXT : EMAIL_HASH_CONTEXT) as ContactHash[],
    };
    return { row, contact };
  }

  /**
   * What every module holds about the request's contact (an access request's answer), opened: the handler sends it
   * to the person. Exporting is a reveal like any other, so it is written to the personal-data access log.
   */
  async function exportData(actor: Actor, id: string, ctx: AuditContext): Promise<DataSubjectExport> {
    const caller = requireUser(actor);
    const { row, contact } = await loadHandled(actor, id);
    const found = await Promise.all(
      deps.providers.map(async (p) => (await p.find(db, contact)).map((item) => ({ purpose: p.purpose, ...item }))),
    );
    await recordPersonalDataAccess(db, {
      at: ctx.at,
      actor_user_id: caller.user.id,
      subject_type: 'data_subject_request',
      subject_id: row.id,
      field: 'export',
      reason: `Data-subject request ${row.code} (${row.kind})`,
      province_code: row.province_code,
      commune_code: null,
    });
    return { code: row.code, kind: row.kind, contact: contact.value, generatedAt: ctx.at, items: found.flat() };
  }

  /**
   * A deletion request carried out: every module anonymises what it holds about the contact, in one transaction,
   * audited with the counts. Counts and aggregates stay (modules clear contact data, not the rows figures count).
   */
  async function erase(actor: Actor, id: string, ctx: AuditContext): Promise<ErasureResult> {
    const { row, contact } = await loadHandled(actor, id);
    if (row.kind !== 'deletion') throw conflict('Only a deletion request erases data.', 'Chỉ yêu cầu xoá mới xoá dữ liệu.');
    requireOpen(row);
    return db.transaction().execute(async (trx) => {
      const erased: ErasureResult['erased'] = [];
      for (const p of deps.providers) erased.push({ purpose: p.purpose, rows: await p.erase(trx, contact, ctx.at) });
      await recordAudit(trx, ctx, {
        action: 'privacy.request_erased',
        entityType: 'data_subject_request',
        entityId: row.id,
        provinceCode: row.province_code,
        after: { erased },
      });
      return { erased };
    });
  }

  /**
   * A withdrawal request carried out: every consent the contact gave that still stands is withdrawn through the
   * platform's consent records, each module clearing what it kept only with consent, in one audited transaction.
   */
  async function withdrawConsents(actor: Actor, id: string, ctx: AuditContext): Promise<ErasureResult> {
    const caller = requireUser(actor);
    const { row, contact } = await loadHandled(actor, id);
    if (row.kind !== 'withdrawal') {
      throw conflict('Only a withdrawal request withdraws consent.', 'Chỉ yêu cầu rút lại sự đồng ý mới rút sự đồng ý.');
    }
    requireOpen(row);
    return db.transaction().execute(async (trx) => {
      const done = await deps.consent.withdrawByContact(trx, contact.hashes, {
        channel: 'request',
        by: caller.user.id,
        at: ctx.at,
      });
      const byPurpose = new Map<string, number>();
      for (const d of done) byPurpose.set(d.purpose, (byPurpose.get(d.purpose) ?? 0) + d.subjects.length);
      const erased = [...byPurpose].map(([purpose, rows]) => ({ purpose, rows }));
      await recordAudit(trx, ctx, {
        action: 'privacy.request_consent_withdrawn',
        entityType: 'data_subject_request',
        entityId: row.id,
        provinceCode: row.province_code,
        after: { withdrawn: erased },
      });
      return { erased };
    });
  }

  return { exportData, erase, withdrawConsents };
}

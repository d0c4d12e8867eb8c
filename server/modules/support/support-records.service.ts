import type { Kysely } from 'kysely';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import {
  MAX_SYNC_RECORDS,
  type ConsentWithdrawalBody,
  type SupportRecord,
  type SyncResult,
} from '../../../shared/contracts/support';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { ConsentRegistry } from '../../platform/privacy/consent';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { notifyUsers } from '../notifications/index';
import type { SupportIngestService } from './support-ingest.service';
import type { SupportRecordsRepository } from './support-records.repository';
import { isAuthor, mayRead, mayReview, recordActions } from './support.policy';
import { toRecordView } from './support.presenter';

const recordNotFound = () => notFound('Support record not found.', 'Không tìm thấy lượt hỗ trợ.');

export interface RequestInfo {
  ip: string | null;
  requestId: string | null;
}

export function createSupportRecordsService(deps: {
  db: Kysely<DB>;
  records: SupportRecordsRepository;
  ingest: SupportIngestService;
  /** The platform's consent records: withdrawal is recorded there and carried out by support's hook. */
  consent: ConsentRegistry;
}) {
  const { db, records, ingest } = deps;

  async function readVisible(actor: Actor, id: string) {
    const row = await records.findOne(id.toLowerCase());
    if (!row || !mayRead(actor, row)) throw recordNotFound();
    return row;
  }

  /**
   * PUT /support-records/{id}: create, or answer a resend. Same content again → "duplicate" (200, nothing stored);
   * different content → 409; a record outside the caller's teams/hamlets → 403; a bad field → 400 per field.
   */
  async function putRecord(
    actor: Actor,
    id: string,
    body: unknown,
    meta: RequestInfo,
  ): Promise<{ status: 'created' | 'duplicate'; record: SupportRecord }> {
    requireSignedIn(actor);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw validation([
        {
          path: 'body',
          message: 'Send the record as a JSON object.',
          messageVi: 'Vui lòng gửi lượt hỗ trợ dưới dạng đối tượng JSON.',
        },
      ]);
    }
    const sentId = (body as { id?: unknown }).id;
    if (sentId !== undefined && (typeof sentId !== 'string' || sentId.toLowerCase() !== id.toLowerCase())) {
      throw validation([
        {
          path: 'id',
          message: 'The id in the body differs from the id in the address.',
          messageVi: 'Mã trong nội dung khác mã trên đường dẫn.',
        },
      ]);
    }
    const { results, created } = await ingest.ingest(actor, [{ ...body, id }], meta, 'put');
    const result = results[0]!;
    const details: ErrorDetail[] = result.errors ?? [];
    if (result.status === 'invalid') {
      if (result.forbidden) {
        throw new AppError('FORBIDDEN', 'You may not record support for this team or hamlet.', {
          messageVi: 'Bạn không được ghi lượt hỗ trợ cho tổ hoặc ấp/khu phố này.',
          details,
        });
      }
      throw validation(
        details,
        'Some fields of the support record are not valid.',
        'Một số thông tin của lượt hỗ trợ chưa hợp lệ.',
      );
    }
    if (result.status === 'conflict') {
      throw new AppError('CONFLICT', 'A different support record already has this id.', {
        messageVi: 'Đã có một lượt hỗ trợ khác dùng mã này.',
        details,
      });
    }
    const row = created.get(id.toLowerCase()) ?? (await records.findOne(id.toLowerCase()));
    if (!row) throw recordNotFound();
    return {
      status: result.status === 'created' ? 'created' : 'duplicate',
      record: toRecordView(row, recordActions(actor, row)),
    };
  }

  /** POST /sync: up to 500 records, one result per record in input order. */
  async function syncRecords(
    actor: Actor,
    body: unknown,
    meta: RequestInfo,
  ): Promise<{ results: SyncResult[] }> {
    requireSignedIn(actor);
    const list =
      typeof body === 'object' && body !== null ? (body as { records?: unknown }).records : undefined;
    const extra =
      typeof body === 'object' && body !== null ? Object.keys(body).filter((k) => k !== 'records') : [];
    if (!Array.isArray(list) || list.length === 0 || extra.length > 0) {
      throw validation([
        {
          path: 'records',
          message: 'Send { "records": [ … ] } with at least one record.',
          messageVi: 'Vui lòng gửi { "records": [ … ] } với ít nhất một lượt hỗ trợ.',
        },
      ]);
    }
    if (list.length > MAX_SYNC_RECORDS) {
      throw validation([
        {
          path: 'records',
          message: `At most ${MAX_SYNC_RECORDS} records per request; send the rest in another request.`,
          messageVi: `Mỗi lần gửi tối đa ${MAX_SYNC_RECORDS} lượt hỗ trợ; hãy gửi phần còn lại ở lần sau.`,
        },
      ]);
    }
    const { results } = await ingest.ingest(actor, list, meta, 'sync');
    return {
      results: results.map((r) => ({
        id: r.id,
        status: r.status,
        ...(r.errors ? { errors: r.errors } : {}),
      })),
    };
  }

  async function getRecord(actor: Actor, id: string): Promise<SupportRecord> {
    requireSignedIn(actor);
    const row = await readVisible(actor, id);
    return toRecordView(row, recordActions(actor, row));
  }

  /** Withdraws a record with a reason (its author or a reviewer). It stays stored, marked, out of the figures. */
  async function retractRecord(
    actor: Actor,
    id: string,
    reason: string,
    ctx: AuditContext,
  ): Promise<SupportRecord> {
    requireSignedIn(actor);
    const row = await readVisible(actor, id);
    if (!isAuthor(actor, row) && !mayReview(actor, row)) throw forbidden();
    if (row.state !== 'active') {
      throw conflict(
        'Only the current version of a record can be withdrawn.',
        'Chỉ rút được phiên bản hiện hành của lượt hỗ trợ.',
      );
    }
    await db.transaction().execute(async (trx) => {
      if (!(await records.retract(row.id, { at: ctx.at, reason, by: actorUserId(actor) }, trx))) {
        throw conflict(
          'Only the current version of a record can be withdrawn.',
          'Chỉ rút được phiên bản hiện hành của lượt hỗ trợ.',
        );
      }
      await recordAudit(trx, ctx, {
        action: 'support_record.retracted',
        entityType: 'support_record',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { state: row.state },
        after: { state: 'retracted', reason },
      });
      await recordEvent(
        trx,
        {
          type: 'support_record.retracted',
          entityType: 'support_record',
          entityId: row.id,
          payload: { teamId: row.team_id },
        },
        ctx.at,
      );
    });
    return getRecord(actor, row.id);
  }

  /**
   * The person helped withdraws consent (told the member in person, by phone or on the web): the note and location
   * kept only with consent are cleared on every version of the record, at once; the record still counts, since
   * nothing in it points to anyone any more (the register's "support_records" withdrawal). Its author or a reviewer.
   */
  async function withdrawConsent(
    actor: Actor,
    id: string,
    body: ConsentWithdrawalBody,
    ctx: AuditContext,
  ): Promise<SupportRecord> {
    requireSignedIn(actor);
    const row = await readVisible(actor, id);
    if (!isAuthor(actor, row) && !mayReview(actor, row)) throw forbidden();
    if (row.consent !== 1 || row.consent_withdrawn_at !== null) {
      throw conflict('This record holds no consent to withdraw.', 'Lượt hỗ trợ này không có sự đồng ý nào để rút lại.');
    }
    await db.transaction().execute(async (trx) => {
      const { subjects: versions } = await deps.consent.withdraw(trx, 'support_record', row.id, {
        channel: body.channel,
        by: actorUserId(actor),
        at: ctx.at,
      });
      await recordAudit(trx, ctx, {
        action: 'support_record.consent_withdrawn',
        entityType: 'support_record',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { channel: body.channel, consentVersion: row.consent_version, versionsCleared: versions.length },
      });
    });
    return getRecord(actor, row.id);
  }

  /** Marks records reviewed or flagged (support.review where each sits); each id gets its own answer. */
  async function reviewRecords(
    actor: Actor,
    body: { ids: string[]; decision: 'reviewed' | 'flagged'; note?: string | null | undefined },
    ctx: AuditContext,
  ) {
    requireSignedIn(actor);
    const ids = [...new Set(body.ids.map((i) => i.toLowerCase()))];
    const rows = new Map((await records.findManyByIds(ids)).map((r) => [r.id, r]));
    const results = ids.map((id) => {
      const row = rows.get(id);
      if (!row || !mayRead(actor, row)) return { id, status: 'not_found' as const };
      if (!mayReview(actor, row)) return { id, status: 'forbidden' as const };
      return { id, status: body.decision };
    });
    const allowed = results.filter((r) => r.status === body.decision).map((r) => r.id);
    if (allowed.length > 0) {
      await db.transaction().execute(async (trx) => {
        await records.review(
          allowed,
          { status: body.decision, at: ctx.at, by: actorUserId(actor), note: body.note ?? null },
          trx,
        );
        await recordAudit(trx, ctx, {
          action: `support_records.${body.decision}`,
          entityType: 'support_record',
          entityId: allowed[0]!,
          after: { ids: allowed, decision: body.decision, note: body.note ?? null },
        });
        await recordEvent(
          trx,
          {
            type: `support_records.${body.decision}`,
            entityType: 'support_record',
            entityId: allowed[0]!,
            payload: { ids: allowed },
          },
          ctx.at,
        );
        if (body.decision === 'flagged')
          await notifyFlagged(
            trx,
            actor,
            allowed.map((id) => rows.get(id)!),
            body.note ?? null,
            ctx.at,
          );
      });
    }
    return { results };
  }

  /** Tells each author how many of their records a reviewer flagged, with the reviewer's note. */
  async function notifyFlagged(
    trx: Kysely<DB>,
    actor: Actor,
    flagged: { author_user_id: string | null }[],
    note: string | null,
    at: string,
  ) {
    const counts = new Map<string, number>();
    for (const r of flagged) {
      if (r.author_user_id && r.author_user_id !== actorUserId(actor))
        counts.set(r.author_user_id, (counts.get(r.author_user_id) ?? 0) + 1);
    }
    for (const [userId, n] of counts) {
      await notifyUsers(
        trx,
        {
          userIds: [userId],
          kind: 'support',
          title: { vi: 'Lượt hỗ trợ cần xem lại', en: 'Support records to look at again' },
          body: {
            vi: `${n} lượt hỗ trợ của bạn được đánh dấu cần xem lại${note ? `: ${note}` : '.'}`,
            en: `${n} of your support records were flagged for another look${note ? `: ${note}` : '.'}`,
          },
          link: '/support/mine?review=flagged',
        },
        at,
      );
    }
  }

  return { putRecord, syncRecords, getRecord, retractRecord, withdrawConsent, reviewRecords };
}
export type SupportRecordsService = ReturnType<typeof createSupportRecordsService>;

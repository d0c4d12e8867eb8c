import { randomInt } from 'node:crypto';
import { EmailSchema, maskPhone, normalizePhone, PhoneSchema } from '../../../shared/contracts/accounts';
import type { Page } from '../../../shared/contracts/paging';
import {
  DATA_SUBJECT_REQUEST_WORKING_DAYS,
  type CreateDataSubjectRequestBody,
  type DataSubjectRequest,
  type DataSubjectRequestQuery,
  type DataSubjectRequestStatusView,
  type UpdateDataSubjectRequestBody,
} from '../../../shared/contracts/privacy';
import { uuidv7 } from '../../../shared/ids';
import { canAt, roleAllows, ROLES } from '../../../shared/rules/permissions';
import { provincesWhere } from './privacy.policy';
import { formatLocalDateTime } from '../../../shared/time/vietnam-time';
import { notifyUsers } from '../notifications/index';
import { addWorkingDays } from '../../../shared/time/working-time';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorGrants, requireUser, type Actor } from '../../platform/auth/actor';
import {
  EMAIL_HASH_CONTEXT,
  MAIL_TO_CONTEXT,
  PHONE_HASH_CONTEXT,
  openSealed,
  sealContact,
} from '../../platform/crypto/sealed-columns';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors';
import { queueMail } from '../../platform/mail/outbox';
import { pageFromRows, readCursor } from '../../platform/paging';
import { queuePhoneMessage } from '../accounts/index';
import type { RequestRow } from './requests.repository';
import { CONTACT_CONTEXT, createRequestFulfilment, type RequestsDeps } from './requests-fulfil.service';
import type { ContactHash, Sealed } from '../../db/schema';

const DESCRIPTION_CONTEXT = 'data_subject_requests.description';

const CODE_TTL_MS = 15 * 60_000;
const MAX_CODE_ATTEMPTS = 5;
const MAX_REQUESTS_PER_CONTACT_PER_DAY = 3;
/** Crockford's base32 without I, L, O, U: a tracking code read over the phone is not misheard. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function trackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `YC-${part()}-${part()}`;
}

/** One field refused, in the error model's shape. */
const invalid = (path: string, message: string, messageVi: string) => validation([{ path, message, messageVi }]);

/** The contact as typed: an e-mail address (lower-cased) or a Vietnamese phone number (normalised to +84…). */
function parseContact(contact: string): { kind: 'phone' | 'email'; value: string } {
  if (contact.includes('@')) {
    const email = EmailSchema.safeParse(contact);
    if (email.success) return { kind: 'email', value: email.data };
  } else {
    const phone = PhoneSchema.safeParse(contact);
    if (phone.success) return { kind: 'phone', value: normalizePhone(phone.data) };
  }
  throw invalid(
    'body.contact',
    'Give a Vietnamese phone number (09…) or an e-mail address.',
    'Hãy nhập số điện thoại Việt Nam (09…) hoặc địa chỉ e-mail.',
  );
}

function maskContact(kind: 'phone' | 'email', value: string): string {
  if (kind === 'phone') return maskPhone(value)!;
  const [local, domain] = value.split('@') as [string, string];
  return `${local.slice(0, 1)}•••@${domain}`;
}

/**
 * Data-subject requests (Law 91/2025): anyone files one without an account and proves they control the phone or
 * e-mail it is about with a 6-digit code (SMS/Zalo through the signed webhook, or e-mail); a verified request is
 * due 2 working days later in the province's calendar, goes to the province administrators' queue and can be
 * followed by its tracking code. The contact is sealed; the code is kept only as a keyed hash.
 */
export function createRequestsService(deps: RequestsDeps) {
  const { db, requests, clock, sealer } = deps;
  const codeHash = (id: string, code: string) => sealer.hash(code, `dsr-code:${id}`);

  function statusView(r: RequestRow): DataSubjectRequestStatusView {
    return {
      code: r.code,
      kind: r.kind,
      status: r.status,
      submittedAt: r.created_at,
      verifiedAt: r.verified_at,
      dueAt: r.due_at,
      completedAt: r.completed_at,
      resolution: r.resolution,
    };
  }

  function queueView(r: RequestRow): DataSubjectRequest {
    const contact = openSealed(sealer, CONTACT_CONTEXT, r.contact)!;
    const open = r.status === 'verified' || r.status === 'in_progress';
    return {
      ...statusView(r),
      id: r.id,
      contactKind: r.contact_kind,
      contactMasked: maskContact(r.contact_kind, contact),
      description: openSealed(sealer, DESCRIPTION_CONTEXT, r.description)!,
      overdue: open && r.due_at !== null && r.due_at < clock.now().toISOString(),
      handledBy: r.handled_by ? { id: r.handled_by, name: r.handler_name ?? '' } : null,
    };
  }

  async function create(body: CreateDataSubjectRequestBody, ctx: AuditContext) {
    const contact = parseContact(body.contact);
    const id = uuidv7();
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    const sealed = sealContact(sealer, CONTACT_CONTEXT, contact.kind, contact.value);
    // Each request sends the contact a code: a contact is not sent more than a few a day, whoever asks.
    const hashes = sealer.hashesFor(contact.value, contact.kind === 'phone' ? PHONE_HASH_CONTEXT : EMAIL_HASH_CONTEXT);
    const since = new Date(clock.now().getTime() - 86_400_000).toISOString();
    if ((await requests.countFiledSince(hashes as ContactHash[], since)) >= MAX_REQUESTS_PER_CONTACT_PER_DAY) {
      throw new AppError('RATE_LIMITED', 'Too many requests for this contact today. Try again tomorrow.', {
        messageVi: 'Liên hệ này đã gửi quá nhiều yêu cầu trong hôm nay. Vui lòng thử lại vào ngày mai.',
        headers: { 'retry-after': '86400' },
      });
    }
    const verifyBefore = new Date(clock.now().getTime() + CODE_TTL_MS).toISOString();
    await db.transaction().execute(async (trx) => {
      await requests.insert(
        {
          id,
          code: trackingCode(),
          province_code: deps.provinceCode,
          kind: body.kind,
          contact_kind: contact.kind,
          contact: sealed.sealed,
          contact_hash: sealed.hash,
          description: sealer.seal(body.description, DESCRIPTION_CONTEXT) as Sealed,
          status: 'unverified',
          otp_hash: codeHash(id, code),
          otp_expires_at: verifyBefore,
          otp_attempts: 0,
          created_at: ctx.at,
          verified_at: null,
          due_at: null,
          handled_by: null,
          resolution: null,
          completed_at: null,
          updated_at: ctx.at,
        },
        trx,
      );
      const text = `Cộng Đồng Số: mã xác nhận yêu cầu về dữ liệu cá nhân của bạn là ${code} (hiệu lực 15 phút). Nếu bạn không gửi yêu cầu, hãy bỏ qua tin này.`;
      if (contact.kind === 'phone') {
        await queuePhoneMessage(trx, sealer, { purpose: 'privacy_request', to: contact.value, text, link: `${deps.publicUrl}/privacy` }, ctx.at);
      } else {
        const english = `Cộng Đồng Số: the code confirming your personal-data request is ${code} (valid for 15 minutes). If you did not make a request, ignore this message.`;
        await queueMail(
          trx,
          {
            // A citizen's address: sealed in the outbox too, opened only to send (platform/mail/mail-delivery.ts).
            to: sealer.seal(contact.value, MAIL_TO_CONTEXT),
            subject: 'Mã xác nhận yêu cầu về dữ liệu cá nhân / Your request code',
            text: `${text}\n\n---\n\n${english}`,
          },
          ctx.at,
        );
      }
    });
    return { id, verifyBefore, sentTo: maskContact(contact.kind, contact.value) };
  }

  async function verify(id: string, code: string, ctx: AuditContext): Promise<DataSubjectRequestStatusView> {
    const row = await requests.findById(id);
    if (!row || row.status === 'expired') throw notFound('This request does not exist or has lapsed.', 'Yêu cầu không tồn tại hoặc đã hết hạn.');
    if (row.status !== 'unverified') return statusView(row);
    const lapsed = row.otp_expires_at === null || row.otp_expires_at < ctx.at;
    if (lapsed || row.otp_attempts >= MAX_CODE_ATTEMPTS) {
      await requests.transition(id, 'unverified', { status: 'expired', otp_hash: null, updated_at: ctx.at });
      throw notFound('The code has lapsed: file the request again.', 'Mã đã hết hạn: hãy gửi lại yêu cầu.');
    }
    if (!sealer.hashesFor(code, `dsr-code:${id}`).includes(row.otp_hash ?? '')) {
      await requests.transition(id, 'unverified', { otp_attempts: row.otp_attempts + 1, updated_at: ctx.at });
      throw invalid('body.code', 'This code is not right.', 'Mã xác nhận không đúng.');
    }
    const calendar = await deps.calendarFor(row.province_code);
    const dueAt = addWorkingDays(calendar, new Date(ctx.at), DATA_SUBJECT_REQUEST_WORKING_DAYS).toISOString();
    await db.transaction().execute(async (trx) => {
      const moved = await requests.transition(
        id,
        'unverified',
        { status: 'verified', verified_at: ctx.at, due_at: dueAt, otp_hash: null, updated_at: ctx.at },
        trx,
      );
      if (!moved) return;
      await recordAudit(trx, ctx, {
        action: 'privacy.request_verified',
        entityType: 'data_subject_request',
        entityId: id,
        provinceCode: row.province_code,
        after: { kind: row.kind, dueAt },
      });
    });
    return statusView((await requests.findById(id))!);
  }

  async function statusByCode(code: string): Promise<DataSubjectRequestStatusView> {
    const row = await requests.findByCode(code.trim().toUpperCase());
    // An unverified request is nobody's yet: its code is not shown anywhere, so it is not found either.
    if (!row || row.status === 'unverified') throw notFound('No request has this code.', 'Không có yêu cầu nào có mã này.');
    return statusView(row);
  }

  async function list(actor: Actor, query: DataSubjectRequestQuery): Promise<Page<DataSubjectRequest>> {
    requireUser(actor);
    const provinceCodes = provincesWhere(actor, 'privacy.requests');
    if (provinceCodes.length === 0) throw forbidden();
    const after = readCursor(query.cursor, ['string', 'string'] as const);
    const rows = await requests.list({
      provinceCodes,
      status: query.status ?? null,
      overdueAt: query.overdue === 'true' ? clock.now().toISOString() : null,
      after: after ? { dueAt: after[0], id: after[1] } : null,
      limit: query.limit + 1,
    });
    return pageFromRows(rows, query.limit, (last) => [last.due_at!, last.id], queueView);
  }

  async function update(actor: Actor, id: string, body: UpdateDataSubjectRequestBody, ctx: AuditContext) {
    const caller = requireUser(actor);
    const row = await requests.findById(id);
    if (!row || !canAt(actorGrants(actor), 'privacy.requests', { provinceCode: row.province_code })) {
      throw notFound('Request not found.', 'Không tìm thấy yêu cầu.');
    }
    const from = row.status;
    if (from !== 'verified' && from !== 'in_progress') {
      throw conflict('This request is not open.', 'Yêu cầu này không còn mở.');
    }
    if (body.status !== 'in_progress' && !body.resolution) {
      throw invalid('body.resolution', 'Say what was done, or why not.', 'Hãy nêu việc đã làm hoặc lý do từ chối.');
    }
    const done = body.status !== 'in_progress';
    await db.transaction().execute(async (trx) => {
      const moved = await requests.transition(
        id,
        from,
        {
          status: body.status,
          handled_by: caller.user.id,
          resolution: body.resolution ?? row.resolution,
          completed_at: done ? ctx.at : null,
          updated_at: ctx.at,
        },
        trx,
      );
      if (!moved) throw conflict('Someone else changed this request; reload it.', 'Người khác vừa thay đổi yêu cầu này; hãy tải lại.');
      await recordAudit(trx, ctx, {
        action: `privacy.request_${body.status}`,
        entityType: 'data_subject_request',
        entityId: id,
        provinceCode: row.province_code,
        before: { status: from },
        after: { status: body.status, resolution: body.resolution ?? null },
      });
    });
    return queueView((await requests.findById(id))!);
  }

  /**
   * Tells the province's handlers (in-app, e-mail per their settings) of each open request once when it falls due
   * within a day and once when it is overdue. Runs hourly; a request is marked so it is never announced twice.
   */
  async function remind(): Promise<number> {
    const now = clock.now();
    const at = now.toISOString();
    const handlerRoles = ROLES.filter((r) => roleAllows(r, 'privacy.requests'));
    let sent = 0;
    for (const stage of ['overdue', 'due'] as const) {
      const before = stage === 'overdue' ? at : new Date(now.getTime() + 24 * 3_600_000).toISOString();
      for (const r of await requests.dueForReminder(stage, before)) {
        await db.transaction().execute(async (trx) => {
          const userIds = await requests.handlersOf(r.province_code, handlerRoles, trx);
          const due = formatLocalDateTime(r.due_at!);
          await notifyUsers(
            trx,
            {
              userIds,
              kind: 'privacy',
              title:
                stage === 'overdue'
                  ? { vi: `Yêu cầu ${r.code} đã quá hạn trả lời`, en: `Request ${r.code} is overdue` }
                  : { vi: `Yêu cầu ${r.code} sắp đến hạn`, en: `Request ${r.code} falls due soon` },
              body: {
                vi: `Yêu cầu về dữ liệu cá nhân (${r.kind}) phải được trả lời trước ${due}.`,
                en: `A personal-data request (${r.kind}) must be answered by ${due} (Vietnam time).`,
              },
              link: '/admin/privacy/requests',
            },
            at,
          );
          await requests.markReminded(r.id, stage, at, trx);
          // An overdue request needs no "falls due" notice any more.
          if (stage === 'overdue') await requests.markReminded(r.id, 'due', at, trx);
        });
        sent += 1;
      }
    }
    return sent;
  }

  return { create, verify, statusByCode, list, update, remind, ...createRequestFulfilment(deps) };
}
export type RequestsService = ReturnType<typeof createRequestsService>;

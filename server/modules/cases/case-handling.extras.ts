import type { z } from 'zod';
import type {
  BlockSenderBodySchema,
  CaseNoteBodySchema,
  ExtensionDecisionBodySchema,
  ExtensionRequestBodySchema,
  HandlerCase,
  ModerationBodySchema,
} from '../../../shared/contracts/case-handling';
import { uuidv7 } from '../../../shared/ids';
import { addWorkingDays } from '../../../shared/time/working-time';
import type { CasesTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, requireUser, type Actor } from '../../platform/auth/actor';
import { conflict, forbidden, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import type { CaseHandlingContext, CaseHandlingReads } from './case-handling.service';
import { caseAbilities, mayHandle, mayModerate, maySupervise, mayTriage } from './cases.policy';

type NoteBody = z.output<typeof CaseNoteBodySchema>;
type ExtensionBody = z.output<typeof ExtensionRequestBodySchema>;
type DecisionBody = z.output<typeof ExtensionDecisionBodySchema>;
type ModerationBody = z.output<typeof ModerationBodySchema>;
type BlockBody = z.output<typeof BlockSenderBodySchema>;

const FINISHED = ['closed', 'refused', 'merged'];

/** Notes and public updates, deadline extensions, moderation and blocking: the handlers' writes besides the workflow. */
export function createCaseExtras(ctx: CaseHandlingContext, reads: CaseHandlingReads) {
  const { repo, db } = ctx;

  const entryBase = (
    actor: Actor,
    row: { id: string; province_code: string; agency_id: string | null },
    at: string,
  ) => ({
    id: uuidv7(),
    case_id: row.id,
    province_code: row.province_code,
    action: null,
    from_state: null,
    to_state: null,
    agency_id: row.agency_id,
    author_user_id: actorUserId(actor),
    api_key_id: null,
    external_ref: null,
    hidden: 0,
    created_at: at,
  });

  /** POST /cases/{id}/notes: an internal note (handlers, receivers, supervisors) or a public progress update. */
  async function addNote(
    actor: Actor,
    id: string,
    body: NoteBody,
    audit: AuditContext,
  ): Promise<HandlerCase> {
    const loaded = await reads.loadCase(actor, id);
    const { row } = loaded;
    const handles = mayHandle(actor, row) || mayTriage(actor, row);
    if (body.public ? !handles || FINISHED.includes(row.state) : !handles && !maySupervise(actor, row))
      throw forbidden();
    await db.transaction().execute(async (trx) => {
      const entry = {
        ...entryBase(actor, row, audit.at),
        kind: body.public ? ('public_update' as const) : ('note' as const),
        body: body.body,
        public: body.public ? 1 : 0,
      };
      await repo.insertUpdate(entry, trx);
      await repo.updateCase(row.id, { updated_at: audit.at }, trx);
      await recordAudit(trx, audit, {
        action: body.public ? 'case.public_update' : 'case.note_added',
        entityType: 'case',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { updateId: entry.id, public: body.public },
      });
      if (body.public) {
        await recordEvent(
          trx,
          {
            type: 'case.updated',
            entityType: 'case',
            entityId: row.id,
            payload: {
              code: row.code,
              updateId: entry.id,
              agencyId: row.agency_id,
              kind: row.kind,
              teamId: row.team_id,
            },
          },
          audit.at,
        );
      }
    });
    return reads.view(actor, loaded);
  }

  /** POST /cases/{id}/extensions: the agency asks for more working days, with a reason; one request at a time. */
  async function requestExtension(
    actor: Actor,
    id: string,
    body: ExtensionBody,
    audit: AuditContext,
  ): Promise<HandlerCase> {
    const user = requireUser(actor);
    const loaded = await reads.loadCase(actor, id);
    const { row } = loaded;
    const extensions = await repo.extensionsOf(row.id);
    const can = caseAbilities(actor, row, {
      pendingExtension: extensions.some((e) => e.status === 'pending'),
      hasContact: false,
    });
    if (!mayHandle(actor, row)) throw forbidden();
    if (!can.includes('requestExtension')) {
      throw conflict(
        'More time can be asked only while the agency works on the case, one request at a time.',
        'Chỉ đề nghị gia hạn khi cơ quan đang xử lý và chưa có đề nghị nào chờ duyệt.',
      );
    }
    const extId = uuidv7();
    await db.transaction().execute(async (trx) => {
      await repo.insertExtension(
        {
          id: extId,
          case_id: row.id,
          province_code: row.province_code,
          reason: body.reason,
          working_days: body.workingDays,
          status: 'pending',
          requested_by: user.user.id,
          requested_at: audit.at,
          decided_by: null,
          decided_at: null,
          decision_note: null,
        },
        trx,
      );
      await repo.insertUpdate(
        {
          ...entryBase(actor, row, audit.at),
          kind: 'extension',
          body: `+${body.workingDays}: ${body.reason}`,
          public: 0,
        },
        trx,
      );
      await recordAudit(trx, audit, {
        action: 'case.extension_requested',
        entityType: 'case_extension',
        entityId: extId,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { caseId: row.id, workingDays: body.workingDays },
      });
      await recordEvent(
        trx,
        {
          type: 'case.extension_requested',
          entityType: 'case',
          entityId: row.id,
          payload: {
            code: row.code,
            extensionId: extId,
            workingDays: body.workingDays,
            provinceCode: row.province_code,
            communeCode: row.commune_code,
            kind: row.kind,
          },
        },
        audit.at,
      );
    });
    return reads.view(actor, loaded);
  }

  /**
   * POST /cases/{id}/extensions/{extId}/decision: a supervisor covering the case approves (the handling deadline
   * moves by the working days asked, and the deadline job may warn again) or rejects, with a note.
   */
  async function decideExtension(
    actor: Actor,
    id: string,
    extId: string,
    body: DecisionBody,
    audit: AuditContext,
  ): Promise<HandlerCase> {
    const user = requireUser(actor);
    const loaded = await reads.loadCase(actor, id);
    const { row } = loaded;
    if (!maySupervise(actor, row)) throw forbidden();
    const ext = await repo.findExtension(row.id, extId);
    if (!ext) throw notFound('No such extension request.', 'Không tìm thấy đề nghị gia hạn.');
    const alreadyDecided = () =>
      conflict('This request has already been decided.', 'Đề nghị này đã được quyết định.');
    if (ext.status !== 'pending') throw alreadyDecided();
    let patch: Partial<CasesTable> = { updated_at: audit.at };
    if (body.approve && row.handle_due_at) {
      const calendar = await ctx.calendarFor(row.province_code);
      const due = addWorkingDays(calendar, new Date(row.handle_due_at), ext.working_days).toISOString();
      patch = { ...patch, handle_due_at: due, warned_at: null, overdue_flagged_at: null };
    }
    await db.transaction().execute(async (trx) => {
      if (
        !(await repo.decideExtension(
          ext.id,
          {
            status: body.approve ? 'approved' : 'rejected',
            decided_by: user.user.id,
            decided_at: audit.at,
            decision_note: body.note ?? null,
          },
          trx,
        ))
      )
        throw alreadyDecided();
      await repo.updateCase(row.id, patch, trx);
      const verdict = body.approve
        ? `Đồng ý gia hạn ${ext.working_days} ngày làm việc`
        : 'Không đồng ý gia hạn';
      await repo.insertUpdate(
        {
          ...entryBase(actor, row, audit.at),
          kind: 'extension',
          body: body.note ? `${verdict}: ${body.note}` : verdict,
          public: 0,
        },
        trx,
      );
      await recordAudit(trx, audit, {
        action: 'case.extension_decided',
        entityType: 'case_extension',
        entityId: ext.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { status: 'pending', handleDueAt: row.handle_due_at },
        after: {
          status: body.approve ? 'approved' : 'rejected',
          handleDueAt: patch.handle_due_at ?? row.handle_due_at,
        },
      });
      await recordEvent(
        trx,
        {
          type: 'case.extension_decided',
          entityType: 'case',
          entityId: row.id,
          payload: {
            code: row.code,
            extensionId: ext.id,
            approved: body.approve,
            requestedBy: ext.requested_by,
            handleDueAt: patch.handle_due_at ?? row.handle_due_at,
          },
        },
        audit.at,
      );
    });
    return reads.view(actor, await reads.loadCase(actor, row.id));
  }

  /**
   * POST /cases/{id}/moderation: takes personal data out of the public text or title (the reporter's own words stay
   * for handlers in `description`), hides or shows photos, hides timeline entries, hides the case (with a reason)
   * or shows it again. An internal 'moderation' entry says what changed; the audit row keeps before and after.
   */
  async function moderate(
    actor: Actor,
    id: string,
    body: ModerationBody,
    audit: AuditContext,
  ): Promise<HandlerCase> {
    const loaded = await reads.loadCase(actor, id);
    const { row } = loaded;
    if (!mayModerate(actor, row)) throw forbidden();
    if (body.hidden === true && !body.hiddenReason) {
      throw validation([
        {
          path: 'hiddenReason',
          message: 'Say why the case is hidden.',
          messageVi: 'Hãy ghi lý do ẩn phản ánh.',
        },
      ]);
    }
    const patch: Partial<CasesTable> = { updated_at: audit.at };
    if (body.publicDescription !== undefined) patch.public_description = body.publicDescription;
    if (body.title !== undefined) patch.title = body.title;
    if (body.hidden !== undefined) {
      patch.hidden = body.hidden ? 1 : 0;
      patch.hidden_reason = body.hidden ? (body.hiddenReason ?? null) : null;
    }
    const changed = Object.keys(body).filter((k) => k !== 'hiddenReason');
    await db.transaction().execute(async (trx) => {
      await repo.updateCase(row.id, patch, trx);
      await repo.setFilesHidden(row.id, body.hidePhotoIds ?? [], true, trx);
      await repo.setFilesHidden(row.id, body.showPhotoIds ?? [], false, trx);
      await repo.hideUpdates(row.id, body.hideEntryIds ?? [], trx);
      await repo.insertUpdate(
        { ...entryBase(actor, row, audit.at), kind: 'moderation', body: changed.join(', '), public: 0 },
        trx,
      );
      await recordAudit(trx, audit, {
        action: 'case.moderated',
        entityType: 'case',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { title: row.title, publicDescription: row.public_description, hidden: row.hidden === 1 },
        after: { ...body },
      });
    });
    return reads.view(actor, await reads.loadCase(actor, row.id));
  }

  /**
   * POST /cases/{id}/block-sender: the reporter's phone and e-mail hashes are blocked in the province (for `days`,
   * or until lifted); intake refuses their next reports with a friendly message. Only hashes are stored.
   */
  async function blockSender(
    actor: Actor,
    id: string,
    body: BlockBody,
    audit: AuditContext,
  ): Promise<HandlerCase> {
    const user = requireUser(actor);
    const loaded = await reads.loadCase(actor, id);
    const { row } = loaded;
    if (!mayModerate(actor, row) || row.kind === 'proposal') throw forbidden();
    const hashes = [row.reporter_phone_hash, row.reporter_email_hash].filter(
      (h): h is NonNullable<typeof h> => h !== null,
    );
    if (hashes.length === 0 || row.contact_anonymised_at !== null) {
      throw conflict(
        'The reporter left no phone or e-mail to block.',
        'Người phản ánh không để lại số điện thoại hay e-mail để chặn.',
      );
    }
    const until =
      body.days === null ? null : new Date(Date.parse(audit.at) + body.days * 86_400_000).toISOString();
    const rows = hashes.map((contact_hash) => ({
      id: uuidv7(),
      province_code: row.province_code,
      contact_hash,
      reason: body.reason,
      blocked_by: user.user.id,
      created_at: audit.at,
      until,
    }));
    await db.transaction().execute(async (trx) => {
      await repo.insertBlocked(rows, trx);
      await repo.insertUpdate(
        {
          ...entryBase(actor, row, audit.at),
          kind: 'moderation',
          body: `block-sender: ${body.reason}`,
          public: 0,
        },
        trx,
      );
      await recordAudit(trx, audit, {
        action: 'case.sender_blocked',
        entityType: 'case',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { reason: body.reason, until, contacts: rows.length },
      });
    });
    return reads.view(actor, loaded);
  }

  return { addNote, requestExtension, decideExtension, moderate, blockSender };
}
export type CaseExtras = ReturnType<typeof createCaseExtras>;

import type { Transaction } from 'kysely';
import type { CaseActionBody, HandlerCase } from '../../../shared/contracts/case-handling';
import { uuidv7 } from '../../../shared/ids';
import { handlingDeadline } from '../../../shared/rules/case-deadlines';
import { isOpenState, nextState, type CaseAction, type CaseState } from '../../../shared/rules/case-workflow';
import type { CasesTable, CaseUpdatesTable, DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, type Actor } from '../../platform/auth/actor';
import { conflict, forbidden, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import type { CaseRow } from './case-handling.repository';
import type { CaseHandlingContext, CaseHandlingReads } from './case-handling.service';
import { mayRead, mayTakeAction, mayTriage } from './cases.policy';

/** The audit action of each workflow step a handler takes. */
export const ACTION_AUDIT: Record<Exclude<CaseAction, 'reopen'>, string> = {
  accept: 'case.accepted',
  refuse: 'case.refused',
  assign: 'case.assigned',
  reassign: 'case.reassigned',
  start: 'case.started',
  answer: 'case.answered',
  close: 'case.closed',
  merge: 'case.merged',
};

const invalidField = (path: string, message: string, messageVi: string) =>
  validation([{ path, message, messageVi }]);

export const staleCase = () =>
  conflict(
    'Someone else changed this case meanwhile; reload it and try again.',
    'Phản ánh vừa được người khác thay đổi; vui lòng tải lại rồi thử lại.',
  );

function notAllowedFrom(action: CaseAction, state: string) {
  return conflict(
    `This case cannot be given the step "${action}" while it is "${state}".`,
    `Không thể thực hiện bước "${action}" khi phản ánh đang ở trạng thái "${state}".`,
  );
}

/** One timeline row; transitions with a public message show on the tracking page. */
interface Step {
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  body: string;
  public: boolean;
}

export function createCaseActions(ctx: CaseHandlingContext, reads: CaseHandlingReads) {
  const { repo } = ctx;

  /**
   * The agency a case goes to: active, in the case's province, and covering its place — a province-level agency
   * anywhere in the province, a commune's office only in its commune.
   */
  async function checkAgency(row: CaseRow, agencyId: string, path: string) {
    const agency = await repo.agency(agencyId);
    const covers =
      agency !== undefined &&
      agency.active === 1 &&
      agency.province_code === row.province_code &&
      (agency.commune_code === null || agency.commune_code === row.commune_code);
    if (!covers) {
      throw invalidField(
        path,
        'Choose an active agency that serves the place of this case.',
        'Hãy chọn một cơ quan xử lý đang hoạt động, phụ trách nơi xảy ra phản ánh.',
      );
    }
    return agency!;
  }

  async function routedAgency(row: CaseRow, given: string | undefined, categoryCode: string) {
    const agencyId = given ?? (await ctx.suggestAgency(row.province_code, categoryCode, row.commune_code));
    if (!agencyId) {
      throw invalidField(
        'agencyId',
        'No routing rule names an agency for this category here: choose the agency.',
        'Chưa có quy tắc chuyển cho lĩnh vực này tại địa bàn: hãy chọn cơ quan xử lý.',
      );
    }
    return checkAgency(row, agencyId, 'agencyId');
  }

  async function checkCategory(row: CaseRow, code: string) {
    const categories = await ctx.db
      .selectFrom('case_categories')
      .select(['code', 'kinds_json', 'active'])
      .where('province_code', '=', row.province_code)
      .where('code', '=', code)
      .executeTakeFirst();
    const kinds = categories ? (JSON.parse(categories.kinds_json) as string[]) : [];
    if (!categories || categories.active !== 1 || !kinds.includes(row.kind)) {
      throw invalidField(
        'categoryCode',
        'Choose one of the listed categories.',
        'Hãy chọn một lĩnh vực trong danh sách.',
      );
    }
  }

  /** Works out the row change and the timeline entries of one action (the checks that need the database included). */
  async function plan(actor: Actor, row: CaseRow, body: CaseActionBody, at: string) {
    const from = row.state as CaseState;
    const to = nextState(from, body.action);
    if (to === null) throw notAllowedFrom(body.action, from);
    const patch: Partial<CasesTable> = { state: to, updated_at: at };
    const steps: Step[] = [];
    const notes: string[] = [];
    let mergedInto: CaseRow | null = null;
    let finalState: CaseState = to;
    switch (body.action) {
      case 'accept': {
        const categoryCode = body.categoryCode ?? row.category_code;
        if (categoryCode !== row.category_code) await checkCategory(row, categoryCode);
        const [calendar, policy] = await Promise.all([
          ctx.calendarFor(row.province_code),
          ctx.deadlinesFor(row.province_code),
        ]);
        Object.assign(patch, {
          severity: body.severity,
          category_code: categoryCode,
          accepted_at: at,
          handle_due_at: handlingDeadline(calendar, policy, body.severity, new Date(at)).toISOString(),
          published_at: row.published_at ?? (row.kind === 'proposal' ? null : at),
        });
        steps.push({ action: 'accept', from, to, body: body.message ?? '', public: true });
        if (body.assign) {
          const agency = await routedAgency(row, body.agencyId, categoryCode);
          patch.agency_id = agency.id;
          patch.state = finalState = 'assigned';
          steps.push({ action: 'assign', from: to, to: 'assigned', body: '', public: true });
        }
        break;
      }
      case 'refuse':
        Object.assign(patch, {
          refused_reason: body.reason,
          refused_not_competent: body.notCompetent ? 1 : 0,
          closed_at: at,
        });
        steps.push({ action: 'refuse', from, to, body: body.reason, public: true });
        break;
      case 'assign': {
        const agency = await routedAgency(row, body.agencyId, row.category_code);
        patch.agency_id = agency.id;
        steps.push({ action: 'assign', from, to, body: body.message ?? '', public: true });
        break;
      }
      case 'reassign': {
        if (body.agencyId === row.agency_id) {
          throw invalidField(
            'agencyId',
            'The case is already with this agency.',
            'Phản ánh đang ở cơ quan này.',
          );
        }
        const agency = await checkAgency(row, body.agencyId, 'agencyId');
        patch.agency_id = agency.id;
        // The reason stays between the agencies; the public sees only that another agency took the case over.
        steps.push({ action: 'reassign', from, to, body: '', public: true });
        notes.push(body.reason);
        break;
      }
      case 'start':
        steps.push({ action: 'start', from, to, body: body.message ?? '', public: true });
        break;
      case 'answer':
        Object.assign(patch, {
          answer_text: body.text,
          answered_at: at,
          published_at: row.published_at ?? (row.kind === 'proposal' ? null : at),
        });
        steps.push({ action: 'answer', from, to, body: body.text, public: true });
        break;
      case 'close':
        patch.closed_at = at;
        steps.push({ action: 'close', from, to, body: body.message ?? '', public: true });
        break;
      case 'merge': {
        const target = await repo.findCaseByCode(body.intoCode);
        if (
          !target ||
          target.id === row.id ||
          target.province_code !== row.province_code ||
          !mayRead(actor, target) ||
          !mayTriage(actor, target)
        ) {
          throw invalidField(
            'intoCode',
            'No other case with this code in your area.',
            'Không có phản ánh nào khác với mã này trong phạm vi của bạn.',
          );
        }
        if (!isOpenState(target.state as CaseState)) {
          throw invalidField(
            'intoCode',
            'A case can only be merged into one still being handled.',
            'Chỉ gộp vào phản ánh đang được xử lý.',
          );
        }
        mergedInto = target;
        patch.merged_into_id = target.id;
        steps.push({ action: 'merge', from, to, body: target.code, public: true });
        break;
      }
    }
    return { patch, steps, notes, mergedInto, finalState };
  }

  async function writeSteps(
    trx: Transaction<DB>,
    actor: Actor,
    row: CaseRow,
    agencyId: string | null,
    steps: Step[],
    notes: string[],
    at: string,
  ) {
    const base = {
      case_id: row.id,
      province_code: row.province_code,
      agency_id: agencyId,
      author_user_id: actorUserId(actor),
      api_key_id: null,
      external_ref: null,
      hidden: 0,
      created_at: at,
    };
    for (const s of steps) {
      const entry: CaseUpdatesTable = {
        ...base,
        id: uuidv7(),
        kind: 'transition',
        action: s.action,
        from_state: s.from,
        to_state: s.to,
        body: s.body,
        public: s.public ? 1 : 0,
      };
      await repo.insertUpdate(entry, trx);
    }
    for (const note of notes) {
      await repo.insertUpdate(
        {
          ...base,
          id: uuidv7(),
          kind: 'note',
          action: null,
          from_state: null,
          to_state: null,
          body: note,
          public: 0,
        },
        trx,
      );
    }
  }

  /**
   * POST /cases/{id}/actions: one workflow step. The state machine decides whether it may happen now (409
   * otherwise); the row moves only if it is still in the state this request read (a stale screen gets 409); the
   * row, its timeline entries, the audit row and a `case.transitioned` event per step commit together.
   */
  async function perform(
    actor: Actor,
    id: string,
    body: CaseActionBody,
    audit: AuditContext,
  ): Promise<HandlerCase> {
    const loaded = await reads.loadCase(actor, id);
    const { row } = loaded;
    if (!mayTakeAction(actor, row, body.action)) throw forbidden();
    const at = audit.at;
    const { patch, steps, notes, mergedInto, finalState } = await plan(actor, row, body, at);
    const agencyId = patch.agency_id !== undefined ? patch.agency_id : row.agency_id;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.updateCaseInState(row.id, row.state, patch, trx))) throw staleCase();
      await writeSteps(trx, actor, row, agencyId, steps, notes, at);
      if (mergedInto) await repo.carryOverSupport(row.id, mergedInto.id, trx);
      await recordAudit(trx, audit, {
        action: ACTION_AUDIT[body.action as Exclude<CaseAction, 'reopen'>],
        entityType: 'case',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: {
          state: row.state,
          agencyId: row.agency_id,
          severity: row.severity,
          categoryCode: row.category_code,
        },
        after: {
          state: finalState,
          agencyId,
          ...(patch.severity ? { severity: patch.severity } : {}),
          ...(patch.category_code ? { categoryCode: patch.category_code } : {}),
        },
      });
      for (const s of steps) {
        await recordEvent(
          trx,
          {
            type: 'case.transitioned',
            entityType: 'case',
            entityId: row.id,
            payload: {
              action: s.action,
              from: s.from,
              to: s.to,
              code: row.code,
              kind: row.kind,
              provinceCode: row.province_code,
              communeCode: row.commune_code,
              agencyId,
              previousAgencyId: row.agency_id,
              teamId: row.team_id,
              ...(mergedInto ? { mergedIntoId: mergedInto.id } : {}),
            },
          },
          at,
        );
        if (s.action === 'answer') {
          await recordEvent(
            trx,
            {
              type: 'case.answered',
              entityType: 'case',
              entityId: row.id,
              payload: { code: row.code, agencyId },
            },
            at,
          );
        }
      }
    });
    return reads.view(
      actor,
      await reads
        .loadCase(actor, row.id)
        .catch(() => ({ row: { ...row, ...patch } as CaseRow, rel: loaded.rel })),
    );
  }

  return { perform, checkAgency };
}
export type CaseActions = ReturnType<typeof createCaseActions>;

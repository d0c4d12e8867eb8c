import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  HelpRequestActionBody,
  HelpRequestListQuerySchema,
} from '../../../shared/contracts/help-requests';
import { uuidv7 } from '../../../shared/ids';
import {
  nextHelpRequestState,
  OPEN_HELP_REQUEST_STATES,
  type HelpRequestAction,
  type HelpRequestState,
} from '../../../shared/rules/help-request-workflow';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { DB } from '../../db/schema';
import { recordPersonalDataAccess } from '../../platform/access-log';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { requireUser, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { forbidden, notFound } from '../../platform/errors';
import { readCursor, pageFromRows } from '../../platform/paging';
import { notifyUsers } from '../notifications/index';
import {
  listScope,
  mayAssign,
  mayHandle,
  mayRead,
  mayRouteToTeam,
  staffActions,
  type Membership,
} from './help-requests.policy';
import { presentItem } from './help-requests.presenter';
import type { HelpRequestRow, HelpRequestsRepository } from './help-requests.repository';
import { invalid, wrongState } from './help-requests.rules';

type ListQuery = z.infer<typeof HelpRequestListQuerySchema>;
type Executor = Kysely<DB> | Transaction<DB>;

const NOT_FOUND = () => notFound('No such help request.', 'Không tìm thấy yêu cầu hỗ trợ.');

/**
 * The staff's side of help requests (issue 11): lists scoped to the caller (officers by unit subtree, team roles by
 * membership), one request with its timeline, the workflow steps, the logged reveal of the phone, and completion
 * by a linked support record. Each step writes the row (guarded by its state), a timeline entry, the audit row
 * and the notifications in one transaction.
 */
export function createHelpRequestHandlingService(deps: {
  db: Kysely<DB>;
  repo: HelpRequestsRepository;
  clock: Clock;
  sealer: Sealer;
}) {
  const { db, repo, clock, sealer } = deps;
  const openPhone = (r: HelpRequestRow) => openSealed(sealer, 'help_requests.contact_phone', r.contact_phone);
  const today = () => localDateOf(clock.now());

  async function membershipIn(actor: Actor, r: HelpRequestRow): Promise<Membership | null> {
    if (actor.kind !== 'user' || r.team_id === null) return null;
    const rows = await repo.membershipsOf(actor.user.id, [r.team_id], today());
    const roles = rows.map((m) => m.role);
    if (roles.includes('leader')) return { role: 'leader' };
    if (roles.includes('deputy')) return { role: 'deputy' };
    return roles.length > 0 ? { role: 'member' } : null;
  }

  /** The request if the caller may read it; to everyone else it does not exist. */
  async function load(actor: Actor, id: string) {
    const caller = requireUser(actor);
    const row = await repo.findById(id);
    if (!row) throw NOT_FOUND();
    const m = await membershipIn(caller, row);
    if (!mayRead(caller, row, m)) throw NOT_FOUND();
    return { row, m };
  }

  async function list(actor: Actor, q: ListQuery) {
    const caller = requireUser(actor);
    const scope = listScope(caller);
    if (scope.officerSubtrees.length === 0 && !scope.viaTeams) throw forbidden();
    const teamIds = scope.viaTeams ? await repo.teamIdsOfUser(caller.user.id, today()) : [];
    const after = readCursor(q.cursor, ['string', 'string'] as const);
    const states: HelpRequestState[] | null =
      q.state === undefined ? null : q.state === 'open' ? [...OPEN_HELP_REQUEST_STATES] : [q.state];
    const rows = await repo.list({
      officerSubtrees: scope.officerSubtrees,
      teamIds,
      states,
      communeCode: q.commune ?? null,
      teamId: q.teamId ?? null,
      assignedUserId: q.mine === 'true' ? caller.user.id : null,
      after: after ? { createdAt: after[0], id: after[1] } : null,
      limit: q.limit,
    });
    const page = rows.slice(0, q.limit);
    const names = await repo.namesFor(page);
    const memberships = new Map(
      (
        await repo.membershipsOf(
          caller.user.id,
          [...new Set(page.flatMap((r) => (r.team_id ? [r.team_id] : [])))],
          today(),
        )
      ).map((m) => [m.team_id, m]),
    );
    const membershipOf = (r: HelpRequestRow): Membership | null => {
      const m = r.team_id ? memberships.get(r.team_id) : undefined;
      return m ? { role: m.role } : null;
    };
    return pageFromRows(
      rows,
      q.limit,
      (r) => [r.created_at, r.id],
      (r) => presentItem(r, openPhone(r), names, staffActions(caller, r, membershipOf(r))),
    );
  }

  async function view(actor: Actor, row: HelpRequestRow, m: Membership | null) {
    // Only a staff-recorded request names its recorder: a signed-in resident's own name is no one else's business.
    const filedBy = row.channel !== 'web' && row.created_by ? row.created_by : null;
    const [names, updates, filedByName] = await Promise.all([
      repo.namesFor([row]),
      repo.updatesOf(row.id),
      filedBy ? repo.userName(filedBy) : null,
    ]);
    // Name and address are for those who must go and help: the team's leaders, the assignee, the officers.
    const close = mayHandle(actor, row, m) || mayAssign(actor, row, m);
    return {
      ...presentItem(row, openPhone(row), names, staffActions(actor, row, m)),
      contactName: close ? openSealed(sealer, 'help_requests.contact_name', row.contact_name) : null,
      address: close ? openSealed(sealer, 'help_requests.address', row.address) : null,
      channel: row.channel,
      filedByName,
      supportRecordId: row.support_record_id,
      closedAt: row.closed_at,
      closeReason: row.close_reason,
      rating: row.rating,
      ratingComment: row.rating_comment,
      timeline: updates.map((u) => ({
        action: u.action,
        fromState: u.from_state,
        toState: u.to_state as HelpRequestState,
        note: u.note,
        at: u.created_at,
      })),
    };
  }

  async function get(actor: Actor, id: string) {
    const { row, m } = await load(actor, id);
    return view(actor, row, m);
  }

  /** Writes one transition with its timeline entry and audit row; false when the state moved meanwhile. */
  async function transition(
    trx: Executor,
    row: HelpRequestRow,
    action: HelpRequestAction,
    patch: Partial<HelpRequestRow>,
    note: string | null,
    ctx: AuditContext,
    /** Who took the step when it is not the caller (a support record's author, for completion). */
    actorUserId: string | null = ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
  ): Promise<HelpRequestState> {
    const to = nextHelpRequestState(row.state, action);
    if (to === null) throw wrongState();
    const ok = await repo.transition(row.id, row.state, { ...patch, state: to, updated_at: ctx.at }, trx);
    if (!ok) throw wrongState();
    await repo.insertUpdate(
      {
        id: uuidv7(new Date(ctx.at).getTime()),
        help_request_id: row.id,
        province_code: row.province_code,
        action,
        from_state: row.state,
        to_state: to,
        note,
        actor_user_id: actorUserId,
        created_at: ctx.at,
      },
      trx,
    );
    await recordAudit(trx, ctx, {
      action: AUDIT_ACTION[action],
      entityType: 'help_request',
      entityId: row.id,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      before: { state: row.state },
      after: { state: to, ...auditablePatch(patch) },
    });
    return to;
  }

  async function act(actor: Actor, id: string, body: HelpRequestActionBody, ctx: AuditContext) {
    const caller = requireUser(actor);
    const { row, m } = await load(caller, id);
    const at = ctx.at;
    await db.transaction().execute(async (trx) => {
      if (body.action === 'assign') {
        if (!mayAssign(caller, row, m)) throw forbidden();
        let teamId = row.team_id;
        let teamHamletId = row.team_hamlet_id;
        if (body.teamId && body.teamId !== row.team_id) {
          if (!mayRouteToTeam(caller, row)) throw forbidden();
          const team = await repo.findTeam(body.teamId, trx);
          if (!team || team.status !== 'active' || team.commune_code !== row.commune_code) {
            throw invalid(
              'body.teamId',
              'Choose an active team of this commune.',
              'Hãy chọn một tổ đang hoạt động của xã, phường này.',
            );
          }
          teamId = team.id;
          teamHamletId = team.hamlet_id;
        }
        let member: { id: string; team_id: string; user_id: string | null } | undefined;
        if (body.memberId) {
          member = await repo.findActiveMember(body.memberId, today(), trx);
          if (!member || member.team_id !== teamId) {
            throw invalid(
              'body.memberId',
              'Choose an active member of the team.',
              'Hãy chọn một thành viên đang hoạt động của tổ.',
            );
          }
        } else if (teamId === row.team_id) {
          throw invalid(
            'body.memberId',
            'Choose the member who will call.',
            'Hãy chọn thành viên sẽ gọi cho người dân.',
          );
        }
        await transition(
          trx,
          row,
          'assign',
          {
            team_id: teamId,
            team_hamlet_id: teamHamletId,
            routed_to: teamId === row.team_id ? row.routed_to : teamHamletId ? 'hamlet_team' : 'commune_team',
            assigned_member_id: member?.id ?? null,
            assigned_user_id: member?.user_id ?? null,
            assigned_at: at,
          },
          body.note ?? null,
          ctx,
        );
        const told = member?.user_id
          ? [member.user_id]
          : teamId
            ? await repo.teamLeaders(teamId, today(), trx)
            : [];
        await notifyUsers(
          trx,
          {
            userIds: told.filter((u) => u !== caller.user.id),
            kind: 'help_request',
            title: { vi: `Yêu cầu ${row.code} được giao cho bạn`, en: `Help request ${row.code} is yours` },
            body: {
              vi: 'Hãy gọi cho người dân để hẹn thời gian hỗ trợ.',
              en: 'Please call the resident to arrange a time.',
            },
            link: `/help-requests/${row.id}`,
          },
          at,
        );
        return;
      }
      if (body.action === 'schedule') {
        if (!mayHandle(caller, row, m)) throw forbidden();
        await transition(
          trx,
          row,
          'schedule',
          {
            scheduled_for: new Date(body.scheduledFor).toISOString(),
            first_contact_at: row.first_contact_at ?? at,
          },
          body.note ?? null,
          ctx,
        );
        return;
      }
      if (body.action === 'not_reached') {
        if (!mayHandle(caller, row, m)) throw forbidden();
        await transition(
          trx,
          row,
          'not_reached',
          { first_contact_at: row.first_contact_at ?? at, closed_at: at },
          body.note ?? null,
          ctx,
        );
        return;
      }
      if (!mayHandle(caller, row, m) && !mayAssign(caller, row, m)) throw forbidden();
      await transition(trx, row, 'cancel', { closed_at: at, close_reason: body.reason }, body.reason, ctx);
    });
    const fresh = (await repo.findById(id))!;
    return view(caller, fresh, await membershipIn(caller, fresh));
  }

  /**
   * POST /help-requests/{id}/reveal-contact: the full phone for whoever must call (the assignee, the team's
   * leaders, the officers in scope), who states why. The access-log row is written before the number leaves.
   */
  async function revealContact(actor: Actor, id: string, reason: string, ctx: AuditContext) {
    const caller = requireUser(actor);
    const { row, m } = await load(caller, id);
    if (!mayHandle(caller, row, m)) throw forbidden();
    const phone = openPhone(row);
    if (phone === null || row.contact_anonymised_at !== null) {
      throw notFound('The contact has been erased.', 'Thông tin liên lạc đã được xoá.');
    }
    await recordPersonalDataAccess(db, {
      at: ctx.at,
      actor_user_id: caller.user.id,
      subject_type: 'help_request',
      subject_id: row.id,
      field: 'phone',
      reason,
      province_code: row.province_code,
      commune_code: row.commune_code,
    });
    return { phone: `0${phone.slice(3)}` };
  }

  /**
   * Support records that name a help request close it (subscribed to support_records.created, so a record synced
   * days later from a phone that was offline closes it then). The record must come from the request's team (or, for
   * a request in the officers' queue, from a team of its commune); a record naming another commune's request, or a
   * request already closed, changes nothing.
   */
  async function completeFromRecords(recordIds: readonly string[], at: string): Promise<number> {
    let completed = 0;
    for (const record of await repo.linkedRecords(recordIds)) {
      if (record.state !== 'active' || record.help_request_id === null) continue;
      const done = await db.transaction().execute(async (trx) => {
        const row = await repo.findById(record.help_request_id!, trx);
        if (!row || nextHelpRequestState(row.state, 'complete') === null) return false;
        const fromTeam =
          row.team_id !== null ? record.team_id === row.team_id : record.commune_code === row.commune_code;
        if (!fromTeam || record.province_code !== row.province_code) return false;
        const ctx: AuditContext = { actor: { kind: 'anonymous' }, ip: null, requestId: null, at };
        await transition(
          trx,
          row,
          'complete',
          { support_record_id: record.id, first_contact_at: row.first_contact_at ?? at, closed_at: at },
          null,
          ctx,
          record.author_user_id,
        );
        return true;
      });
      if (done) completed += 1;
    }
    return completed;
  }

  return { list, get, act, revealContact, completeFromRecords };
}
export type HelpRequestHandlingService = ReturnType<typeof createHelpRequestHandlingService>;

/** What of a step's patch the audit trail may carry: ids and times, never a contact. */
function auditablePatch(patch: Partial<HelpRequestRow>) {
  const keep = [
    'team_id',
    'assigned_member_id',
    'scheduled_for',
    'support_record_id',
    'close_reason',
  ] as const;
  return Object.fromEntries(keep.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]]));
}

const AUDIT_ACTION: Record<HelpRequestAction, string> = {
  assign: 'help_request.assigned',
  schedule: 'help_request.scheduled',
  complete: 'help_request.completed',
  not_reached: 'help_request.not_reached',
  cancel: 'help_request.cancelled',
};

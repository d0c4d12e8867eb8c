import type { Kysely, Transaction } from 'kysely';
import { normalizePhone } from '../../../shared/contracts/accounts';
import type { AddMemberBody, TeamMember, UpdateMemberBody } from '../../../shared/contracts/teams';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import type { MemberRow } from './members.repository';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { ANONYMOUS, actorUserId, requireSignedIn, requireUser, type Actor } from '../../platform/auth/actor';
import { recordPersonalDataAccess } from '../../platform/access-log';
import type { RevealBody } from '../../../shared/contracts/privacy';
import type { Clock } from '../../platform/clock';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors';
import { recordEvent, type DomainEvent } from '../../platform/events';
import { createInvitation } from '../accounts/index';
import { syncMemberGrant, teamRoleOf } from './member-grants';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { MembersRepository } from './members.repository';
import { mayManageMembers } from './teams.policy';
import { displayPhone, isActiveOn, toMemberView } from './teams.presenter';
import type { TeamRow, TeamsRepository } from './teams.repository';
import type { TeamsService } from './teams.service';
import type { Sealer } from '../../platform/crypto/sealing';

const memberNotFound = () => notFound('Member not found.', 'Không tìm thấy thành viên.');
const leaderTaken = () =>
  conflict(
    'The team already has an active leader; change the current leader’s role first.',
    'Tổ đã có tổ trưởng; vui lòng đổi vai trò của tổ trưởng hiện tại trước.',
  );
const alreadyMember = () =>
  conflict('This person is already an active member of the team.', 'Người này đã là thành viên của tổ.');
const organizationRequired = () =>
  validation([
    {
      path: 'organization',
      message: 'Name the business (e.g. Viettel, VNPT, VNPost).',
      messageVi: 'Vui lòng ghi tên doanh nghiệp (ví dụ Viettel, VNPT, VNPost).',
    },
  ]);

/** What the audit trail keeps of a member: never the full phone number. */
function memberSnapshot(m: MemberRow) {
  return {
    name: m.name,
    role: m.role,
    affiliation: m.affiliation,
    organization: m.organization,
    hasPhone: m.phone !== null,
    phonePublic: m.phone_public === 1,
    userId: m.user_id,
    activeFrom: m.active_from,
    activeTo: m.active_to,
  };
}

export function createMembersService(deps: {
  db: Kysely<DB>;
  members: MembersRepository;
  teamsRepo: TeamsRepository;
  teams: TeamsService;
  clock: Clock;
  publicUrl: string;
  sealer: Sealer;
}) {
  const { db, members, teamsRepo, teams, clock } = deps;
  const today = () => localDateOf(clock.now());

  function viewOf(actor: Actor, team: TeamRow, m: MemberRow): TeamMember {
    const manager = team.status === 'active' && mayManageMembers(actor, team);
    return toMemberView(m, {
      staff: true,
      manager,
      meUserId: actorUserId(actor),
      today: today(),
      actions: manager ? ['teams.manageMembers'] : [],
    });
  }

  async function requireManagedTeam(actor: Actor, teamId: string) {
    requireSignedIn(actor);
    const team = await teams.requireTeam(teamId);
    if (!mayManageMembers(actor, team)) throw forbidden();
    if (team.status !== 'active') {
      throw conflict('The team was merged or dissolved.', 'Tổ đã được sáp nhập hoặc giải thể.');
    }
    return team;
  }

  async function writeTrail(
    trx: Transaction<DB>,
    ctx: AuditContext,
    team: TeamRow,
    action: string,
    memberId: string,
    before: unknown,
    after: unknown,
  ) {
    await teamsRepo.insertChange(
      {
        id: uuidv7(),
        team_id: team.id,
        change: action.replace('team.', ''),
        before_json: before === null ? null : JSON.stringify(before),
        after_json: JSON.stringify({ memberId, ...(after as object) }),
        actor_user_id: actorUserId(ctx.actor),
        at: ctx.at,
      },
      trx,
    );
    await recordAudit(trx, ctx, {
      action,
      entityType: 'team_member',
      entityId: memberId,
      provinceCode: team.province_code,
      communeCode: team.commune_code,
      before,
      after,
    });
  }

  /**
   * Adds a member (teams.manageMembers where the team sits). With an e-mail or phone and no linked account, an
   * invitation link is created in the same transaction; accepting it links the account (invitation.accepted).
   */
  async function addMember(actor: Actor, teamId: string, body: AddMemberBody, ctx: AuditContext) {
    const team = await requireManagedTeam(actor, teamId);
    const day = today();
    const current = (await members.listOfTeam(team.id)).filter(
      (m) => isActiveOn(m, day) || m.active_from > day,
    );
    const phone = body.phone ? normalizePhone(body.phone) : null;
    if (body.role === 'leader' && current.some((m) => m.role === 'leader')) throw leaderTaken();
    if (
      current.some((m) => (body.userId && m.user_id === body.userId) || (phone !== null && m.phone === phone))
    )
      throw alreadyMember();
    if (body.userId) {
      const user = await members.findUser(body.userId);
      if (!user || user.status === 'disabled') {
        throw validation([
          {
            path: 'userId',
            message: 'No active account with this id.',
            messageVi: 'Không có tài khoản đang hoạt động với mã này.',
          },
        ]);
      }
    }
    const row: MemberRow = {
      id: uuidv7(),
      team_id: team.id,
      user_id: body.userId ?? null,
      name: body.name,
      role: body.role,
      affiliation: body.affiliation,
      organization: body.organization ?? null,
      phone,
      email: body.email ?? null,
      phone_public: 0,
      active_from: body.activeFrom ?? day,
      active_to: null,
      invitation_id: null,
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    const invitation = await db.transaction().execute(async (trx) => {
      let created: { id: string; link: string; expiresAt: string } | null = null;
      if (!row.user_id && body.invite && (row.email || row.phone)) {
        created = await createInvitation(
          trx,
          {
            name: row.name,
            email: row.email,
            phone: row.phone,
            role: teamRoleOf(row),
            unitCode: team.hamlet_id ?? team.commune_code,
            payload: { teamId: team.id, memberId: row.id, memberRole: row.role },
            authority: 'team',
          },
          { ...ctx, publicUrl: deps.publicUrl, sealer: deps.sealer },
        );
        row.invitation_id = created.id;
      }
      await members.insert(row, trx);
      await syncMemberGrant(trx, team, row, day, ctx);
      await writeTrail(trx, ctx, team, 'team.member_added', row.id, null, memberSnapshot(row));
      await recordEvent(
        trx,
        {
          type: 'team.member_added',
          entityType: 'team',
          entityId: team.id,
          payload: { memberId: row.id, userId: row.user_id },
        },
        ctx.at,
      );
      return created;
    });
    return {
      member: viewOf(actor, team, row),
      invitation: invitation ? { link: invitation.link, expiresAt: invitation.expiresAt } : null,
    };
  }

  /**
   * Managers change role, affiliation, contact and period. The member may change their own number and is the only
   * one who may make it public (opt-in is theirs to give); a new number starts private again.
   */
  async function updateMember(
    actor: Actor,
    teamId: string,
    memberId: string,
    body: UpdateMemberBody,
    ctx: AuditContext,
  ) {
    requireSignedIn(actor);
    const team = await teams.requireTeam(teamId);
    const before = await members.findById(teamId, memberId);
    if (!before) throw memberNotFound();
    const isSelf = actorUserId(actor) !== null && before.user_id === actorUserId(actor);
    const manager = mayManageMembers(actor, team);
    const selfFields = new Set(['phone', 'phonePublic']);
    const touched = Object.keys(body).filter((k) => body[k as keyof UpdateMemberBody] !== undefined);
    if (!manager && !(isSelf && touched.every((k) => selfFields.has(k)))) throw forbidden();
    if (body.phonePublic === true && !isSelf) {
      throw new AppError('FORBIDDEN', 'Only the member may make their own phone number public.', {
        messageVi: 'Chỉ chính thành viên mới có thể công khai số điện thoại của mình.',
      });
    }
    if (team.status !== 'active')
      throw conflict('The team was merged or dissolved.', 'Tổ đã được sáp nhập hoặc giải thể.');

    const patch: Partial<MemberRow> = { updated_at: ctx.at };
    if (body.name !== undefined) patch.name = body.name;
    if (body.role !== undefined) patch.role = body.role;
    if (body.affiliation !== undefined) patch.affiliation = body.affiliation;
    if (body.organization !== undefined) patch.organization = body.organization ?? null;
    if (body.email !== undefined) patch.email = body.email ?? null;
    if (body.activeFrom !== undefined) patch.active_from = body.activeFrom;
    if (body.activeTo !== undefined) patch.active_to = body.activeTo ?? null;
    if (body.phone !== undefined) {
      patch.phone = body.phone ? normalizePhone(body.phone) : null;
      if (patch.phone !== before.phone) patch.phone_public = 0;
    }
    if (body.phonePublic !== undefined) patch.phone_public = body.phonePublic ? 1 : 0;
    const after: MemberRow = { ...before, ...patch };
    if (after.affiliation === 'telecom_business' && !after.organization) throw organizationRequired();
    if (after.active_to !== null && after.active_to < after.active_from) {
      throw validation([
        {
          path: 'activeTo',
          message: 'The last day comes before the first day.',
          messageVi: 'Ngày kết thúc sớm hơn ngày bắt đầu.',
        },
      ]);
    }
    if (after.role === 'leader' && before.role !== 'leader' && after.active_to === null) {
      const day = today();
      const others = (await members.listOfTeam(teamId)).filter(
        (m) => m.id !== memberId && (isActiveOn(m, day) || m.active_from > day),
      );
      if (others.some((m) => m.role === 'leader')) throw leaderTaken();
    }
    await db.transaction().execute(async (trx) => {
      await members.update(memberId, patch, trx);
      await syncMemberGrant(trx, team, after, today(), ctx);
      const action =
        after.active_to !== null && before.active_to === null ? 'team.member_ended' : 'team.member_updated';
      await writeTrail(trx, ctx, team, action, memberId, memberSnapshot(before), memberSnapshot(after));
    });
    return { member: viewOf(actor, team, after), invitation: null };
  }

  /**
   * invitation.accepted subscriber: links the member row named in the invitation's payload to the new account.
   * Idempotent (at-least-once delivery): a row already linked is left as it is.
   */
  async function linkAcceptedInvitation(event: {
    id: string;
    payload: Record<string, unknown>;
    occurredAt: string;
  }) {
    const payload = event.payload.payload as { teamId?: unknown; memberId?: unknown } | undefined;
    const userId = event.payload.userId;
    if (
      !payload ||
      typeof payload.teamId !== 'string' ||
      typeof payload.memberId !== 'string' ||
      typeof userId !== 'string'
    )
      return;
    const { teamId, memberId } = payload;
    const member = await members.findById(teamId, memberId);
    if (!member || member.user_id !== null) return;
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (!(await members.linkUser(memberId, userId, at, trx))) return;
      const team = await teams.requireTeam(teamId, trx);
      const ctx: AuditContext = { actor: ANONYMOUS, ip: null, requestId: `event:${event.id}`, at };
      // The role may have changed between the invitation and its acceptance: the grant follows the team role.
      await syncMemberGrant(trx, team, { ...member, user_id: userId }, today(), ctx);
      await writeTrail(trx, ctx, team, 'team.member_linked', memberId, { userId: null }, { userId });
      const linked: DomainEvent = {
        type: 'team.member_linked',
        entityType: 'team',
        entityId: teamId,
        payload: { memberId, userId },
      };
      await recordEvent(trx, linked, at);
    });
  }

  /**
   * A member's full phone number for a manager of the team (teams.manageMembers where it sits), who states why:
   * lists show it masked, and each reveal is written to the personal-data access log in the same transaction.
   */
  async function revealPhone(actor: Actor, teamId: string, memberId: string, body: RevealBody, ctx: AuditContext) {
    const caller = requireUser(actor);
    const team = await teams.requireTeam(teamId);
    if (!mayManageMembers(actor, team)) throw forbidden();
    const member = await members.findById(teamId, memberId);
    if (!member) throw memberNotFound();
    if (!member.phone) throw notFound('This member has no phone number.', 'Thành viên này chưa có số điện thoại.');
    await recordPersonalDataAccess(db, {
      at: ctx.at,
      actor_user_id: caller.user.id,
      subject_type: 'team_member',
      subject_id: member.id,
      field: 'phone',
      reason: body.reason,
      province_code: team.province_code,
      commune_code: team.commune_code,
    });
    return { phone: displayPhone(member.phone)! };
  }

  return { addMember, updateMember, linkAcceptedInvitation, revealPhone };
}
export type MembersService = ReturnType<typeof createMembersService>;

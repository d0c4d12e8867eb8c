import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { assertCan, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { syncMemberGrant } from './member-grants';
import type { MembersRepository } from './members.repository';
import { teamPlacement } from './teams.policy';
import { isActiveOn } from './teams.presenter';
import type { TeamsRepository } from './teams.repository';
import { teamClosed, type TeamsService } from './teams.service';

/** The end of a team's life: merged into another team or dissolved. History is kept; nothing is deleted. */
export function createTeamStatusService(deps: {
  db: Kysely<DB>;
  teams: TeamsRepository;
  members: MembersRepository;
  teamsService: TeamsService;
  clock: Clock;
}) {
  const { db, teams, members, clock } = deps;
  const { requireTeam, getTeam, writeChange } = deps.teamsService;
  const today = () => localDateOf(clock.now());

  /**
   * Merges a team into another active team of the same commune. The source keeps its rows and records, gets
   * status "merged" and a pointer; its active members end there today and continue in the target.
   */
  async function mergeTeam(
    actor: Actor,
    id: string,
    body: { intoId: string; reason?: string | null | undefined },
    ctx: AuditContext,
  ) {
    requireSignedIn(actor);
    const source = await requireTeam(id);
    const target = await teams.findById(body.intoId, today());
    if (!target) {
      throw validation([
        {
          path: 'intoId',
          message: 'The target team does not exist.',
          messageVi: 'Tổ nhận sáp nhập không tồn tại.',
        },
      ]);
    }
    assertCan(actor, 'teams.manage', teamPlacement(source));
    assertCan(actor, 'teams.manage', teamPlacement(target));
    if (source.status !== 'active' || target.status !== 'active') throw teamClosed();
    if (source.id === target.id || source.commune_code !== target.commune_code) {
      throw validation([
        {
          path: 'intoId',
          message: 'A team merges into another active team of the same commune.',
          messageVi: 'Chỉ sáp nhập vào một tổ khác đang hoạt động của cùng xã/phường.',
        },
      ]);
    }
    const day = today();
    await db.transaction().execute(async (trx) => {
      const moving = (await members.listOfTeam(source.id, trx)).filter((m) => m.active_to === null);
      const staying = (await members.listOfTeam(target.id, trx)).filter(
        (m) => isActiveOn(m, day) || m.active_from > day,
      );
      const targetHasLeader = staying.some((m) => m.role === 'leader');
      await members.endAllActive(source.id, day, ctx.at, trx);
      for (const m of moving) await syncMemberGrant(trx, source, m, day, ctx, { ended: true });
      for (const m of moving) {
        const already = staying.some(
          (s) => (m.user_id !== null && s.user_id === m.user_id) || (m.phone !== null && s.phone === m.phone),
        );
        if (already) continue;
        const moved = {
          ...m,
          id: uuidv7(),
          team_id: target.id,
          role: m.role === 'leader' && targetHasLeader ? ('member' as const) : m.role,
          active_from: day,
          active_to: null,
          created_at: ctx.at,
          updated_at: ctx.at,
        };
        await members.insert(moved, trx);
        await syncMemberGrant(trx, target, moved, day, ctx);
      }
      await teams.update(
        source.id,
        {
          status: 'merged',
          merged_into: target.id,
          status_reason: body.reason ?? null,
          status_changed_at: ctx.at,
          updated_at: ctx.at,
        },
        trx,
      );
      await writeChange(
        trx,
        ctx,
        source.id,
        'merged',
        { status: 'active' },
        { status: 'merged', mergedInto: target.id, reason: body.reason ?? null },
      );
      await writeChange(trx, ctx, target.id, 'absorbed', null, { from: source.id, members: moving.length });
      await recordAudit(trx, ctx, {
        action: 'team.merged',
        entityType: 'team',
        entityId: source.id,
        provinceCode: source.province_code,
        communeCode: source.commune_code,
        before: { status: 'active' },
        after: { status: 'merged', mergedInto: target.id, reason: body.reason ?? null },
      });
      await recordEvent(
        trx,
        { type: 'team.merged', entityType: 'team', entityId: source.id, payload: { intoId: target.id } },
        ctx.at,
      );
    });
    return getTeam(actor, source.id);
  }

  /** Dissolves a team: status "dissolved" with the reason (and decision); members end today; nothing is deleted. */
  async function dissolveTeam(
    actor: Actor,
    id: string,
    body: { reason: string; decision?: { number: string; date: string; signer: string } | null | undefined },
    ctx: AuditContext,
  ) {
    requireSignedIn(actor);
    const team = await requireTeam(id);
    assertCan(actor, 'teams.manage', teamPlacement(team));
    if (team.status !== 'active') throw teamClosed();
    const reason = body.decision
      ? `${body.reason} (${body.decision.number}, ${body.decision.date}, ${body.decision.signer})`
      : body.reason;
    await db.transaction().execute(async (trx) => {
      const day = today();
      const ending = (await members.listOfTeam(id, trx)).filter((m) => isActiveOn(m, day) || m.active_from > day);
      await members.endAllActive(id, day, ctx.at, trx);
      for (const m of ending) await syncMemberGrant(trx, team, m, day, ctx, { ended: true });
      await teams.update(
        id,
        { status: 'dissolved', status_reason: reason, status_changed_at: ctx.at, updated_at: ctx.at },
        trx,
      );
      await writeChange(
        trx,
        ctx,
        id,
        'dissolved',
        { status: 'active' },
        { status: 'dissolved', reason, decision: body.decision ?? null },
      );
      await recordAudit(trx, ctx, {
        action: 'team.dissolved',
        entityType: 'team',
        entityId: id,
        provinceCode: team.province_code,
        communeCode: team.commune_code,
        before: { status: 'active' },
        after: { status: 'dissolved', reason },
      });
      await recordEvent(
        trx,
        { type: 'team.dissolved', entityType: 'team', entityId: id, payload: {} },
        ctx.at,
      );
    });
    return getTeam(actor, id);
  }

  return { mergeTeam, dissolveTeam };
}
export type TeamStatusService = ReturnType<typeof createTeamStatusService>;

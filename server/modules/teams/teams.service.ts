import type { Kysely, Transaction } from 'kysely';
import { encodeCursor, type Page } from '../../../shared/contracts/paging';
import { readCursor } from '../../platform/paging';
import type {
  CreateTeamBody,
  Team,
  TeamDetail,
  TeamListQuery,
  TeamStatus,
  UpdateTeamBody,
} from '../../../shared/contracts/teams';
import { maskPhone, normalizePhone } from '../../../shared/contracts/accounts';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import type { TeamRecord } from './teams.repository';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, assertCan, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { conflict, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { resolveUnitPlacement } from '../geography/index';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { MembersRepository } from './members.repository';
import { placedInScopeAndUnit } from '../../platform/auth/scope-sql';
import { mayManageMembers, seesStaffView, teamActions, teamPlacement } from './teams.policy';
import { isActiveOn, toChangeView, toMemberView, toTeamView } from './teams.presenter';
import type { TeamRow, TeamsRepository } from './teams.repository';
import { isUniqueViolation } from './unique-violation';

const teamNotFound = () => notFound('Team not found.', 'Không tìm thấy tổ công nghệ số.');
export const teamClosed = () =>
  conflict(
    'The team was merged or dissolved; it can no longer be changed.',
    'Tổ đã được sáp nhập hoặc giải thể, không thể thay đổi.',
  );
const teamExists = () =>
  conflict(
    'This hamlet (or commune) already has an active team.',
    'Ấp/khu phố (hoặc xã) này đã có tổ công nghệ số đang hoạt động.',
  );

/** What the team_changes history and the audit trail keep of a team. */
function snapshotOf(
  t: Pick<
    TeamRecord,
    'name' | 'decision_number' | 'decision_date' | 'decision_signer' | 'schedule' | 'contact_phone' | 'status'
  >,
) {
  return {
    name: t.name,
    decision: { number: t.decision_number, date: t.decision_date, signer: t.decision_signer },
    schedule: t.schedule,
    // Masked: the history and the audit trail never hold a full phone number (the team record does, sealed).
    contactPhone: maskPhone(t.contact_phone),
    status: t.status,
  };
}

export function createTeamsService(deps: {
  db: Kysely<DB>;
  teams: TeamsRepository;
  members: MembersRepository;
  clock: Clock;
}) {
  const { db, teams, members, clock } = deps;
  const today = () => localDateOf(clock.now());

  async function requireTeam(id: string, ex: Kysely<DB> | Transaction<DB> = db): Promise<TeamRow> {
    const row = await teams.findById(id, today(), ex);
    if (!row) throw teamNotFound();
    return row;
  }

  async function writeChange(
    trx: Transaction<DB>,
    ctx: AuditContext,
    teamId: string,
    change: string,
    before: unknown,
    after: unknown,
  ) {
    await teams.insertChange(
      {
        id: uuidv7(),
        team_id: teamId,
        change,
        before_json: before === null ? null : JSON.stringify(before),
        after_json: after === null ? null : JSON.stringify(after),
        actor_user_id: actorUserId(ctx.actor),
        at: ctx.at,
      },
      trx,
    );
  }

  /**
   * The public directory and the staff list in one: anyone may search; what each item shows depends on whether
   * the caller reads teams where the team sits. `unit` narrows to a province, commune or hamlet.
   */
  async function listTeams(actor: Actor, query: TeamListQuery): Promise<Page<Team>> {
    let unit = null;
    if (query.unit) {
      unit = await resolveUnitPlacement(db, query.unit);
      if (!unit) {
        throw validation([
          { path: 'query.unit', message: 'Unknown unit code.', messageVi: 'Mã đơn vị không tồn tại.' },
        ]);
      }
    }
    const statuses: TeamStatus[] =
      !query.status || query.status === 'active'
        ? ['active']
        : query.status === 'all'
          ? ['active', 'merged', 'dissolved']
          : [query.status];
    const after = readCursor(query.cursor, ['number', 'string', 'string', 'string'] as const);
    const rows = await teams.list({
      where: placedInScopeAndUnit('teams', 'everywhere', unit),
      statuses,
      words: foldText(query.q ?? '')
        .split(' ')
        .filter(Boolean)
        .slice(0, 8),
      after,
      limit: query.limit + 1,
      today: today(),
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) =>
        toTeamView(r, { staff: seesStaffView(actor, r), actions: teamActions(actor, r) }),
      ),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.rank ?? 0, last.commune_code, last.search_text, last.id])
          : null,
    };
  }

  /** One team with its members (active ones for the public; all, with periods, for staff) and its history. */
  async function getTeam(actor: Actor, id: string): Promise<TeamDetail> {
    const row = await requireTeam(id);
    const staff = seesStaffView(actor, row);
    const manager = row.status === 'active' && mayManageMembers(actor, row);
    const day = today();
    const me = actorUserId(actor);
    const memberRows = (await members.listOfTeam(id)).filter(
      (m) => staff || (row.status === 'active' && isActiveOn(m, day)) || (me !== null && m.user_id === me),
    );
    const view: TeamDetail = {
      ...toTeamView(row, { staff, actions: teamActions(actor, row) }),
      members: memberRows.map((m) =>
        toMemberView(m, {
          staff,
          manager,
          meUserId: me,
          today: day,
          actions: manager ? ['teams.manageMembers'] : [],
        }),
      ),
    };
    if (staff) view.history = (await teams.listChanges(id)).map(toChangeView);
    return view;
  }

  /** Establishes a team by the commune chairman's decision: teams.manage where it will sit. */
  async function createTeam(actor: Actor, body: CreateTeamBody, ctx: AuditContext): Promise<TeamDetail> {
    requireSignedIn(actor);
    const commune = await teams.findCurrentCommune(body.communeCode);
    if (!commune) {
      throw validation([
        { path: 'communeCode', message: 'Unknown commune code.', messageVi: 'Mã xã/phường không tồn tại.' },
      ]);
    }
    const hamletId = body.hamletId ?? null;
    assertCan(actor, 'teams.manage', {
      provinceCode: commune.province_code,
      communeCode: commune.code,
      hamletId,
    });
    let hamletName: string | null = null;
    if (hamletId) {
      const hamlet = await teams.findHamlet(hamletId);
      if (!hamlet || hamlet.status !== 'active' || hamlet.commune_code !== commune.code) {
        throw validation([
          {
            path: 'hamletId',
            message: 'The hamlet is not an active hamlet of this commune.',
            messageVi: 'Ấp/khu phố không thuộc xã/phường này hoặc không còn hoạt động.',
          },
        ]);
      }
      hamletName = hamlet.name;
    }
    if (await teams.findActiveTeamAt(commune.code, hamletId)) throw teamExists();
    const row: TeamRecord = {
      id: uuidv7(),
      province_code: commune.province_code,
      commune_code: commune.code,
      hamlet_id: hamletId,
      level: hamletId ? 'hamlet' : 'commune',
      name: body.name ?? `Tổ công nghệ số cộng đồng ${hamletName ?? commune.full_name}`,
      search_text: '',
      decision_number: body.decision.number,
      decision_date: body.decision.date,
      decision_signer: body.decision.signer,
      schedule: body.schedule ?? null,
      contact_phone: body.contactPhone ? normalizePhone(body.contactPhone) : null,
      status: 'active',
      merged_into: null,
      status_reason: null,
      status_changed_at: null,
      created_by: actorUserId(actor),
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    row.search_text = foldText(row.name);
    try {
      await db.transaction().execute(async (trx) => {
        await teams.insert(row, trx);
        await writeChange(trx, ctx, row.id, 'created', null, snapshotOf(row));
        await recordAudit(trx, ctx, {
          action: 'team.created',
          entityType: 'team',
          entityId: row.id,
          provinceCode: row.province_code,
          communeCode: row.commune_code,
          after: snapshotOf(row),
        });
        await recordEvent(
          trx,
          {
            type: 'team.created',
            entityType: 'team',
            entityId: row.id,
            payload: { hamletId, communeCode: row.commune_code },
          },
          ctx.at,
        );
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw teamExists();
      throw err;
    }
    return getTeam(actor, row.id);
  }

  async function updateTeam(
    actor: Actor,
    id: string,
    body: UpdateTeamBody,
    ctx: AuditContext,
  ): Promise<TeamDetail> {
    requireSignedIn(actor);
    const before = await requireTeam(id);
    assertCan(actor, 'teams.manage', teamPlacement(before));
    if (before.status !== 'active') throw teamClosed();
    const patch: Partial<TeamRecord> = { updated_at: ctx.at };
    if (body.name !== undefined) Object.assign(patch, { name: body.name, search_text: foldText(body.name) });
    if (body.decision) {
      Object.assign(patch, {
        decision_number: body.decision.number,
        decision_date: body.decision.date,
        decision_signer: body.decision.signer,
      });
    }
    if (body.schedule !== undefined) patch.schedule = body.schedule ?? null;
    if (body.contactPhone !== undefined)
      patch.contact_phone = body.contactPhone ? normalizePhone(body.contactPhone) : null;
    const after = { ...before, ...patch };
    await db.transaction().execute(async (trx) => {
      await teams.update(id, patch, trx);
      const change = body.name !== undefined && body.name !== before.name ? 'renamed' : 'updated';
      await writeChange(trx, ctx, id, change, snapshotOf(before), snapshotOf(after));
      await recordAudit(trx, ctx, {
        action: `team.${change}`,
        entityType: 'team',
        entityId: id,
        provinceCode: before.province_code,
        communeCode: before.commune_code,
        before: snapshotOf(before),
        after: snapshotOf(after),
      });
    });
    return getTeam(actor, id);
  }

  return { listTeams, getTeam, createTeam, updateTeam, requireTeam, writeChange };
}
export type TeamsService = ReturnType<typeof createTeamsService>;

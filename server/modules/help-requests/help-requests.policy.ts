import {
  coversPlacement,
  grantsFor,
  type Action,
  type Placement,
  type Role,
} from '../../../shared/rules/permissions';
import {
  allowedHelpRequestActions,
  type HelpRequestState,
} from '../../../shared/rules/help-request-workflow';
import type { HELP_REQUEST_STAFF_ACTIONS } from '../../../shared/contracts/help-requests';
import { actorGrants, type Actor } from '../../platform/auth/actor';
import type { Subtree } from '../../platform/auth/scope-sql';
import type { HelpRequestRow } from './help-requests.repository';

/**
 * Who may do what with a help request (issue 11). Two kinds of grant reach a request:
 *
 * - an officer's (commune officer, department officer, province administrator): the unit subtree alone decides;
 * - a team role's (team leader, team member): the grant gives the role, the membership gives the request — a team
 *   acts only on requests routed to it (the person's phone is seen only by those who must call them). Among the
 *   team, the leaders (and deputies) assign and handle every request; a member handles those assigned to them.
 *
 * A request sits at its commune and, for hamlet grants, at the hamlet of the team it was routed to (team_hamlet_id).
 */
const TEAM_ROLES: ReadonlySet<Role> = new Set(['team_leader', 'team_member']);

export interface Membership {
  role: 'leader' | 'deputy' | 'member';
}

export type StaffAction = (typeof HELP_REQUEST_STAFF_ACTIONS)[number];

export function requestPlacement(
  r: Pick<HelpRequestRow, 'province_code' | 'commune_code' | 'team_hamlet_id'>,
): Placement {
  return { provinceCode: r.province_code, communeCode: r.commune_code, hamletId: r.team_hamlet_id };
}

function officerCovers(actor: Actor, action: Action, r: HelpRequestRow): boolean {
  const target = requestPlacement(r);
  return grantsFor(actorGrants(actor), action).some(
    (g) => !TEAM_ROLES.has(g.role) && coversPlacement(g, target),
  );
}

function teamRoleCovers(actor: Actor, action: Action, r: HelpRequestRow): boolean {
  const target = requestPlacement(r);
  return grantsFor(actorGrants(actor), action).some(
    (g) => TEAM_ROLES.has(g.role) && coversPlacement(g, target),
  );
}

const isLeader = (m: Membership | null) => m !== null && (m.role === 'leader' || m.role === 'deputy');
const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.user.id : null);

export function mayRead(actor: Actor, r: HelpRequestRow, m: Membership | null): boolean {
  return (
    officerCovers(actor, 'helpRequests.read', r) ||
    (m !== null && teamRoleCovers(actor, 'helpRequests.read', r))
  );
}

/** Call, schedule, "could not reach", reveal the phone: the officers in scope, the team's leaders, the assignee. */
export function mayHandle(actor: Actor, r: HelpRequestRow, m: Membership | null): boolean {
  if (officerCovers(actor, 'helpRequests.handle', r)) return true;
  if (m === null || !teamRoleCovers(actor, 'helpRequests.handle', r)) return false;
  const me = userIdOf(actor);
  return isLeader(m) || (me !== null && r.assigned_user_id === me);
}

/** Hand the request to a member (team leaders) or to a team of the commune (officers). */
export function mayAssign(actor: Actor, r: HelpRequestRow, m: Membership | null): boolean {
  return (
    officerCovers(actor, 'helpRequests.assign', r) ||
    (isLeader(m) && teamRoleCovers(actor, 'helpRequests.assign', r))
  );
}

/** Officers may also route a request to another team of its commune; leaders only within their own team. */
export function mayRouteToTeam(actor: Actor, r: HelpRequestRow): boolean {
  return officerCovers(actor, 'helpRequests.assign', r);
}

/**
 * Record a request a resident made by phone or in person (staff filing): whoever may handle or assign requests
 * somewhere in the commune's subtree — its officers (or the province's), and the leaders and members of its teams,
 * hamlet teams included (a member takes a call for a neighbouring hamlet of the same commune; routing then sends it
 * to that hamlet's team). Another commune's people may not file here.
 */
export function mayFileFor(actor: Actor, provinceCode: string, communeCode: string): boolean {
  return (['helpRequests.handle', 'helpRequests.assign'] as const).some((action) =>
    grantsFor(actorGrants(actor), action).some(
      (g) => g.provinceCode === provinceCode && (g.level === 'province' || g.communeCode === communeCode),
    ),
  );
}

/** The steps this caller may take now (the state allows them and the policy does). */
export function staffActions(actor: Actor, r: HelpRequestRow, m: Membership | null): StaffAction[] {
  const allowed = allowedHelpRequestActions(r.state as HelpRequestState);
  const handle = mayHandle(actor, r, m);
  const assign = mayAssign(actor, r, m);
  const out: StaffAction[] = [];
  if (assign && allowed.includes('assign')) out.push('assign');
  if (handle && allowed.includes('schedule')) out.push('schedule');
  if (handle && allowed.includes('not_reached')) out.push('not_reached');
  if ((handle || assign) && allowed.includes('cancel')) out.push('cancel');
  if (handle && r.contact_phone !== null && r.contact_anonymised_at === null) out.push('reveal');
  return out;
}

/**
 * The list scope: subtrees of the caller's officer grants with helpRequests.read, and whether the caller holds it
 * through a team role (then the requests of their teams are added by id).
 */
export function listScope(actor: Actor): { officerSubtrees: Subtree[]; viaTeams: boolean } {
  const grants = grantsFor(actorGrants(actor), 'helpRequests.read');
  return {
    officerSubtrees: grants
      .filter((g) => !TEAM_ROLES.has(g.role))
      .map((g) => ({
        level: g.level,
        provinceCode: g.provinceCode,
        communeCode: g.communeCode,
        hamletId: g.hamletId,
      })),
    viaTeams: grants.some((g) => TEAM_ROLES.has(g.role)),
  };
}

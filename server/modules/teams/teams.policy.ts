import { actionsAt, canAt, type Action, type Placement } from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';
import type { TeamsTable } from '../../db/schema';

type TeamPlace = Pick<TeamsTable, 'province_code' | 'commune_code' | 'hamlet_id' | 'status'>;

/** A team sits at its hamlet, or at its commune for a commune-level team (hamlet grants do not reach it). */
export function teamPlacement(
  team: Pick<TeamsTable, 'province_code' | 'commune_code' | 'hamlet_id'>,
): Placement {
  return { provinceCode: team.province_code, communeCode: team.commune_code, hamletId: team.hamlet_id };
}

const TEAM_ACTIONS: readonly Action[] = [
  'teams.manage',
  'teams.manageMembers',
  'support.capture',
  'support.review',
  'support.export',
];
/** Once merged or dissolved a team is history: it can be read and its records reviewed, not changed. */
const LIVE_ONLY: ReadonlySet<Action> = new Set(['teams.manage', 'teams.manageMembers', 'support.capture']);

/** The `actions` a response lists for a team. */
export function teamActions(actor: Actor, team: TeamPlace): Action[] {
  const actions = actionsAt(actorGrants(actor), teamPlacement(team), TEAM_ACTIONS);
  return team.status === 'active' ? actions : actions.filter((a) => !LIVE_ONLY.has(a));
}

/** Staff in scope see the founding decision, history, past members and masked phone numbers. */
export function seesStaffView(actor: Actor, team: TeamPlace): boolean {
  return canAt(actorGrants(actor), 'teams.read', teamPlacement(team));
}

export function mayManageTeam(actor: Actor, team: TeamPlace): boolean {
  return canAt(actorGrants(actor), 'teams.manage', teamPlacement(team));
}

export function mayManageMembers(actor: Actor, team: TeamPlace): boolean {
  return canAt(actorGrants(actor), 'teams.manageMembers', teamPlacement(team));
}

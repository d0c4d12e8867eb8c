/**
 * The teams module's public surface:
 * - createTeamsModule / registerTeamsRoutes for the composition root;
 * - listTeamsOfUser(db) for GET /me's "teams" (accounts' teamsOfUser dependency);
 * - what the support module needs to place and authorise records (repositories, local dates, scope filter);
 * - the demo seed extension that creates the demo province's teams and members.
 */
import type { Kysely } from 'kysely';
import type { Sealer } from '../../platform/crypto/sealing';
import type { MeTeam } from '../../../shared/contracts/accounts';
import type { DB } from '../../db/schema';
import { systemClock, type Clock } from '../../platform/clock';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { createMembersRepository } from './members.repository';
import { createMembersService } from './members.service';
import { createTeamsRepository } from './teams.repository';
import { createTeamStatusService } from './team-status.service';
import { createTeamsService } from './teams.service';

export { registerTeamsRoutes } from './teams.routes';
export { createTeamsRepository, type TeamsRepository, type TeamRow } from './teams.repository';
export { createMembersRepository, type MembersRepository } from './members.repository';
export { teamPlacement } from './teams.policy';
export { isActiveOn } from './teams.presenter';
export { isUniqueViolation } from './unique-violation';
export { seedDemoTeams, DEMO_TEAMS_SEED_VERSION } from './teams.demo';
export type { TeamsService } from './teams.service';
export type { TeamStatusService } from './team-status.service';
export type { MembersService } from './members.service';

/** Repositories → services of the module, each with its dependencies spelled out. */
export function createTeamsModule(deps: { db: Kysely<DB>; clock: Clock; publicUrl: string; sealer: Sealer }) {
  const { db, clock } = deps;
  const teamsRepo = createTeamsRepository(db, deps.sealer);
  const membersRepo = createMembersRepository(db, deps.sealer);
  const teams = createTeamsService({ db, teams: teamsRepo, members: membersRepo, clock });
  const members = createMembersService({
    db,
    members: membersRepo,
    teamsRepo,
    teams,
    clock,
    publicUrl: deps.publicUrl,
    sealer: deps.sealer,
  });
  const teamStatus = createTeamStatusService({
    db,
    teams: teamsRepo,
    members: membersRepo,
    teamsService: teams,
    clock,
  });
  return { teams, teamStatus, members, teamsRepo, membersRepo };
}
export type TeamsModule = ReturnType<typeof createTeamsModule>;

/** GET /me's teams for a user: active memberships of active teams, as of today in Vietnam. */
export function listTeamsOfUser(db: Kysely<DB>, sealer: Sealer, clock: Clock = systemClock) {
  const members = createMembersRepository(db, sealer);
  return async (userId: string): Promise<MeTeam[]> => {
    const rows = await members.teamsOfUser(userId, localDateOf(clock.now()));
    return rows.map((r) => ({
      teamId: r.team_id,
      teamName: r.team_name,
      hamletId: r.hamlet_id,
      role: r.role,
    }));
  };
}
export { teamMembershipRetention } from './teams.retention';
export { teamsPersonalData } from './teams.personal-data';

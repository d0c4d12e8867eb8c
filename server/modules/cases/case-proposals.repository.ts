import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { scopeExpr, type InboxScope } from './case-handling.repository';

/** Teams' proposals (kind 'proposal') as the Youth Union and the raising teams list and count them. */
export function createCaseProposalsRepository(db: Kysely<DB>) {
  return {
    /** Proposals by theme × state, inside the given scope (and one team's when named). */
    proposalSummary(scope: InboxScope, teamId: string | null) {
      return db
        .selectFrom('cases')
        .select(['theme', 'state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'proposal')
        .where(scopeExpr(scope))
        .$if(teamId !== null, (qb) => qb.where('team_id', '=', teamId))
        .groupBy(['theme', 'state'])
        .orderBy('theme')
        .orderBy('state')
        .execute();
    },

    /** Proposals newest first, keyset paged on (submitted_at, id), with their team's name. */
    proposalPage(
      scope: InboxScope,
      teamId: string | null,
      before: { at: string; id: string } | null,
      limit: number,
    ) {
      return db
        .selectFrom('cases')
        .leftJoin('teams', 'teams.id', 'cases.team_id')
        .selectAll('cases')
        .select('teams.name as team_name')
        .where('cases.kind', '=', 'proposal')
        .where(scopeExpr(scope))
        .$if(teamId !== null, (qb) => qb.where('cases.team_id', '=', teamId))
        .$if(before !== null, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('cases.submitted_at', '<', before!.at),
              eb.and([eb('cases.submitted_at', '=', before!.at), eb('cases.id', '<', before!.id)]),
            ]),
          ),
        )
        .orderBy('cases.submitted_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
export type CaseProposalsRepository = ReturnType<typeof createCaseProposalsRepository>;

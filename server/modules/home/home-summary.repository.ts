import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { placedInSubtrees, type Subtree } from '../../platform/auth/scope-sql';

/**
 * The homes' counts. Kysely only: the service decides which subtrees a caller may see and passes them in; every
 * query here filters by them in SQL, and each one reads an index range (see home-summary.plan.test.ts), never every
 * record of a province.
 */

/**
 * The review queue, written with the literals of the partial indexes of migration 0017: SQLite uses a partial index
 * only when the query repeats its terms literally (a bound parameter never matches).
 */
const IN_REVIEW_QUEUE = sql<SqlBool>`support_records.state = 'active' and support_records.review_status = 'pending'`;

/** A membership counts on `day` when it has begun and not ended (active_to is its last day). */
function activeMemberOn(day: string) {
  return sql<SqlBool>`(team_members.active_from <= ${day} and (team_members.active_to is null or team_members.active_to >= ${day}))`;
}

/** How many rows of the group have no row in `related` (a correlated subquery, which Kysely parenthesises). */
function countWhereNone(related: Expression<unknown>) {
  return sql<number>`sum(case when not exists ${related} then 1 else 0 end)`;
}

type ByCommune = Map<string, number>;

function byCommune(rows: { commune_code: string; n: number | string | bigint }[]): ByCommune {
  return new Map(rows.map((r) => [r.commune_code, Number(r.n)]));
}

/**
 * The counting queries, unexecuted: the repository runs them, and the plan test (home-summary.plan.test.ts) reads
 * their plans, so what is guarded is exactly what runs.
 */
export function homeSummaryQueries(db: Kysely<DB>) {
  return {
    ownCount: (userId: string, fromUtc: string) =>
      db
        .selectFrom('support_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('author_user_id', '=', userId)
        .where('occurred_at', '>=', fromUtc)
        .where('state', '=', 'active'),

    ownRecent: (userId: string) =>
      db
        .selectFrom('support_records')
        .leftJoin('teams', 'teams.id', 'support_records.team_id')
        .select([
          'support_records.id',
          'support_records.occurred_at',
          'support_records.state',
          'support_records.review_status',
          'teams.name as team_name',
        ])
        .where('support_records.author_user_id', '=', userId)
        .orderBy('support_records.occurred_at', 'desc')
        .orderBy('support_records.id', 'desc')
        .limit(5),

    membersWithActivity: (teamIds: readonly string[], day: string, fromUtc: string) =>
      db
        .selectFrom('team_members')
        .select((eb) => [
          'team_members.id',
          'team_members.team_id',
          'team_members.name',
          eb
            .exists(
              eb
                .selectFrom('support_records')
                .select('support_records.id')
                .whereRef('support_records.member_id', '=', 'team_members.id')
                .where('support_records.occurred_at', '>=', fromUtc),
            )
            .as('recorded'),
        ])
        .where('team_members.team_id', 'in', [...teamIds])
        .where(activeMemberOn(day))
        .orderBy('team_members.name'),

    queueCount: (subtrees: readonly Subtree[]) =>
      db
        .selectFrom('support_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(IN_REVIEW_QUEUE)
        .where(placedInSubtrees('support_records', subtrees)),

    queueByCommune: (subtrees: readonly Subtree[]) =>
      db
        .selectFrom('support_records')
        .select((eb) => ['support_records.commune_code', eb.fn.countAll<number>().as('n')])
        .where(IN_REVIEW_QUEUE)
        .where(placedInSubtrees('support_records', subtrees))
        .groupBy('support_records.commune_code'),

    /** A range of the month on a scope index, not the province's history. */
    recordsSinceByCommune: (subtrees: readonly Subtree[], fromUtc: string) =>
      db
        .selectFrom('support_records')
        .select((eb) => ['support_records.commune_code', eb.fn.countAll<number>().as('n')])
        .where(placedInSubtrees('support_records', subtrees))
        .where('support_records.state', '=', 'active')
        .where('support_records.occurred_at', '>=', fromUtc)
        .groupBy('support_records.commune_code'),

    /** One probe of (team_id, occurred_at) per team for "nothing recorded since". */
    teamsByCommune: (subtrees: readonly Subtree[], fromUtc: string) =>
      db
        .selectFrom('teams')
        .select((eb) => [
          'teams.commune_code',
          eb.fn.countAll<number>().as('n'),
          countWhereNone(
            eb
              .selectFrom('support_records')
              .select('support_records.id')
              .whereRef('support_records.team_id', '=', 'teams.id')
              .where('support_records.occurred_at', '>=', fromUtc),
          ).as('idle'),
        ])
        .where(placedInSubtrees('teams', subtrees))
        .where('teams.status', '=', 'active')
        .groupBy('teams.commune_code'),

    membersByCommune: (subtrees: readonly Subtree[], day: string) =>
      db
        .selectFrom('teams')
        .innerJoin('team_members', 'team_members.team_id', 'teams.id')
        .select((eb) => ['teams.commune_code', eb.fn.countAll<number>().as('n')])
        .where(placedInSubtrees('teams', subtrees))
        .where('teams.status', '=', 'active')
        .where(activeMemberOn(day))
        .groupBy('teams.commune_code'),

    hamletsByCommune: (subtrees: readonly Subtree[]) =>
      db
        .selectFrom('hamlets')
        .select((eb) => [
          'hamlets.commune_code',
          eb.fn.countAll<number>().as('n'),
          countWhereNone(
            eb
              .selectFrom('teams')
              .select('teams.id')
              .whereRef('teams.hamlet_id', '=', 'hamlets.id')
              .where('teams.status', '=', 'active'),
          ).as('uncovered'),
        ])
        .where(placedInSubtrees('hamlets', subtrees))
        .where('hamlets.status', '=', 'active')
        .groupBy('hamlets.commune_code'),
  };
}

export function createHomeSummaryRepository(db: Kysely<DB>) {
  const q = homeSummaryQueries(db);
  return {
    /** The caller's records since `fromUtc` (active versions) and their newest five, whatever their state. */
    async ownRecords(userId: string, fromUtc: string) {
      const counted = await q.ownCount(userId, fromUtc).executeTakeFirst();
      const recent = await q.ownRecent(userId).execute();
      return { count: Number(counted?.n ?? 0), recent };
    },

    /** Active memberships of `userId` in active teams on `day`, with what a leader's card shows of the team. */
    teamsOfUser(userId: string, day: string) {
      return db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .leftJoin('hamlets', 'hamlets.id', 'teams.hamlet_id')
        .select([
          'teams.id as team_id',
          'teams.name as team_name',
          'teams.province_code',
          'teams.commune_code',
          'teams.hamlet_id',
          'teams.schedule',
          'teams.contact_phone_hash',
          'hamlets.name as hamlet_name',
          'team_members.role',
        ])
        .where('team_members.user_id', '=', userId)
        .where('teams.status', '=', 'active')
        .where(activeMemberOn(day))
        .orderBy('teams.search_text')
        .execute();
    },

    /** Active members of the teams, each with whether they recorded anything since `fromUtc`. */
    async membersWithActivity(teamIds: readonly string[], day: string, fromUtc: string) {
      if (teamIds.length === 0) return [];
      return q.membersWithActivity(teamIds, day, fromUtc).execute();
    },

    /** Records awaiting review inside the subtrees. */
    async queueCount(subtrees: readonly Subtree[]): Promise<number> {
      return Number((await q.queueCount(subtrees).executeTakeFirst())?.n ?? 0);
    },

    /** Records awaiting review inside the subtrees, by commune. */
    async queueByCommune(subtrees: readonly Subtree[]): Promise<ByCommune> {
      return byCommune(await q.queueByCommune(subtrees).execute());
    },

    /** Active records that happened since `fromUtc`, by commune. */
    async recordsSinceByCommune(subtrees: readonly Subtree[], fromUtc: string): Promise<ByCommune> {
      return byCommune(await q.recordsSinceByCommune(subtrees, fromUtc).execute());
    },

    /** Active teams by commune, and how many of them recorded nothing since `fromUtc`. */
    async teamsByCommune(subtrees: readonly Subtree[], fromUtc: string) {
      const rows = await q.teamsByCommune(subtrees, fromUtc).execute();
      return {
        teams: byCommune(rows),
        idle: byCommune(rows.map((r) => ({ commune_code: r.commune_code, n: r.idle ?? 0 }))),
      };
    },

    /** Active members of active teams on `day`, by commune. */
    async membersByCommune(subtrees: readonly Subtree[], day: string): Promise<ByCommune> {
      return byCommune(await q.membersByCommune(subtrees, day).execute());
    },

    /** Active hamlets by commune, and those without an active team of their own. */
    async hamletsByCommune(subtrees: readonly Subtree[]) {
      const rows = await q.hamletsByCommune(subtrees).execute();
      return {
        hamlets: byCommune(rows),
        uncovered: byCommune(rows.map((r) => ({ commune_code: r.commune_code, n: r.uncovered ?? 0 }))),
      };
    },

    /** Communes in force (after the 2025 reform) of the provinces, or only `communeCodes` when given. */
    communes(provinceCodes: readonly string[], communeCodes: readonly string[] | null) {
      if (provinceCodes.length === 0 || communeCodes?.length === 0) return Promise.resolve([]);
      let query = db
        .selectFrom('units')
        .select(['code', 'name', 'province_code'])
        .where('level', '=', 'commune')
        .where('valid_to', 'is', null)
        .where('province_code', 'in', [...provinceCodes]);
      if (communeCodes) query = query.where('code', 'in', [...communeCodes]);
      return query.orderBy('search_text').execute();
    },
  };
}
export type HomeSummaryRepository = ReturnType<typeof createHomeSummaryRepository>;

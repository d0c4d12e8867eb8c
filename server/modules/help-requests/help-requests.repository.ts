import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  ContactHash,
  DB,
  HelpRequestsTable,
  HelpRequestStateColumn,
  HelpRequestUpdatesTable,
} from '../../db/schema';
import { placedInSubtrees, type Subtree } from '../../platform/auth/scope-sql';

type Executor = Kysely<DB> | Transaction<DB>;
export type HelpRequestRow = HelpRequestsTable;

/** An active membership is one whose period covers `today` (a local date). */
const activeOn = (today: string) =>
  sql<boolean>`team_members.active_from <= ${today} and (team_members.active_to is null or team_members.active_to >= ${today})`;

export interface HelpRequestListFilter {
  /** Officers' subtrees; and the teams whose requests a team role reaches (the caller's memberships). */
  officerSubtrees: readonly Subtree[];
  teamIds: readonly string[];
  states: readonly HelpRequestStateColumn[] | null;
  communeCode: string | null;
  teamId: string | null;
  assignedUserId: string | null;
  /** Keyset: (created_at, id) of the last row of the previous page, newest first. */
  after: { createdAt: string; id: string } | null;
  limit: number;
}

/**
 * Help requests' storage (Kysely only; no authorization, no business branching). Reads of teams, members,
 * hamlets, units and grants are the look-ups routing and notifications need, as the cases repository does.
 */
export function createHelpRequestsRepository(db: Kysely<DB>) {
  return {
    // ---- intake ------------------------------------------------------------------------------------------------
    findSubmission: (key: string, ex: Executor = db) =>
      ex.selectFrom('help_request_submissions').selectAll().where('key', '=', key).executeTakeFirst(),
    insertSubmission: async (
      row: { key: string; help_request_id: string; digest: string; created_at: string },
      ex: Executor,
    ) => {
      await ex.insertInto('help_request_submissions').values(row).execute();
    },
    nextSequence: async (provinceCode: string, day: string, ex: Executor) => {
      const row = await ex
        .insertInto('help_request_code_counters')
        .values({ province_code: provinceCode, day, last_seq: 1 })
        .onConflict((oc) =>
          oc
            .columns(['province_code', 'day'])
            .doUpdateSet({ last_seq: sql<number>`help_request_code_counters.last_seq + 1` }),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return Number(row.last_seq);
    },
    insert: async (row: HelpRequestRow, ex: Executor) => {
      await ex.insertInto('help_requests').values(row).execute();
    },
    insertUpdate: async (row: HelpRequestUpdatesTable, ex: Executor) => {
      await ex.insertInto('help_request_updates').values(row).execute();
    },
    countByPhoneSince: async (hashes: readonly ContactHash[], since: string) => {
      if (hashes.length === 0) return 0;
      const row = await db
        .selectFrom('help_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contact_phone_hash', 'in', [...hashes])
        .where('created_at', '>=', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    findCommune: (provinceCode: string, communeCode: string) =>
      db
        .selectFrom('units')
        .select(['code', 'name'])
        .where('level', '=', 'commune')
        .where('code', '=', communeCode)
        .where('province_code', '=', provinceCode)
        .where('valid_to', 'is', null)
        .executeTakeFirst(),
    findActiveHamlet: (id: string) =>
      db
        .selectFrom('hamlets')
        .select(['id', 'name', 'commune_code', 'province_code'])
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst(),
    findActiveService: (code: string) =>
      db
        .selectFrom('services')
        .select(['code', 'name', 'name_en'])
        .where('code', '=', code)
        .where('status', '=', 'active')
        .executeTakeFirst(),
    /** The hamlet's active team, else the commune's own team (no hamlet): the routing's two team steps. */
    findTeamFor: async (communeCode: string, hamletId: string | null, ex: Executor = db) => {
      if (hamletId !== null) {
        const hamletTeam = await ex
          .selectFrom('teams')
          .select(['id', 'name', 'hamlet_id'])
          .where('hamlet_id', '=', hamletId)
          .where('status', '=', 'active')
          .orderBy('created_at')
          .executeTakeFirst();
        if (hamletTeam) return { ...hamletTeam, level: 'hamlet' as const };
      }
      const communeTeam = await ex
        .selectFrom('teams')
        .select(['id', 'name', 'hamlet_id'])
        .where('commune_code', '=', communeCode)
        .where('hamlet_id', 'is', null)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .executeTakeFirst();
      return communeTeam ? { ...communeTeam, level: 'commune' as const } : undefined;
    },
    findTeam: (id: string, ex: Executor = db) =>
      ex
        .selectFrom('teams')
        .select(['id', 'name', 'province_code', 'commune_code', 'hamlet_id', 'status'])
        .where('id', '=', id)
        .executeTakeFirst(),

    // ---- people ------------------------------------------------------------------------------------------------
    /** Accounts of a team's leaders and deputies, active today. */
    teamLeaders: async (teamId: string, today: string, ex: Executor = db) =>
      (
        await ex
          .selectFrom('team_members')
          .select('user_id')
          .where('team_id', '=', teamId)
          .where('role', 'in', ['leader', 'deputy'])
          .where('user_id', 'is not', null)
          .where(activeOn(today))
          .execute()
      ).map((r) => r.user_id!),
    /** Holders of `roles` at the commune (commune-level grants). */
    communeHolders: async (
      roles: readonly string[],
      provinceCode: string,
      communeCode: string,
      ex: Executor = db,
    ) =>
      (
        await ex
          .selectFrom('grants')
          .select('user_id')
          .distinct()
          .where('role', 'in', [...roles])
          .where('province_code', '=', provinceCode)
          .where('level', '=', 'commune')
          .where('commune_code', '=', communeCode)
          .execute()
      ).map((r) => r.user_id),
    /** The caller's active memberships in these teams (role decides leader vs member). */
    membershipsOf: (userId: string, teamIds: readonly string[], today: string, ex: Executor = db) =>
      teamIds.length === 0
        ? Promise.resolve([])
        : ex
            .selectFrom('team_members')
            .select(['id', 'team_id', 'role'])
            .where('user_id', '=', userId)
            .where('team_id', 'in', [...teamIds])
            .where(activeOn(today))
            .execute(),
    teamIdsOfUser: async (userId: string, today: string) =>
      (
        await db
          .selectFrom('team_members')
          .select('team_id')
          .distinct()
          .where('user_id', '=', userId)
          .where(activeOn(today))
          .execute()
      ).map((r) => r.team_id),
    findActiveMember: (memberId: string, today: string, ex: Executor = db) =>
      ex
        .selectFrom('team_members')
        .select(['id', 'team_id', 'user_id', 'name'])
        .where('id', '=', memberId)
        .where(activeOn(today))
        .executeTakeFirst(),

    // ---- reads -------------------------------------------------------------------------------------------------
    findById: (id: string, ex: Executor = db) =>
      ex.selectFrom('help_requests').selectAll().where('id', '=', id).executeTakeFirst(),
    findByCode: (code: string) =>
      db.selectFrom('help_requests').selectAll().where('code', '=', code).executeTakeFirst(),
    updatesOf: (id: string) =>
      db
        .selectFrom('help_request_updates')
        .selectAll()
        .where('help_request_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    /** A staff member's display name (who recorded a phone or in-person request). */
    userName: async (id: string) =>
      (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null,
    list: (f: HelpRequestListFilter) => {
      let q = db
        .selectFrom('help_requests')
        .selectAll()
        .where((eb) =>
          f.teamIds.length === 0
            ? placedInSubtrees('help_requests', f.officerSubtrees)
            : eb.or([
                placedInSubtrees('help_requests', f.officerSubtrees),
                eb('team_id', 'in', [...f.teamIds]),
              ]),
        );
      if (f.states) q = q.where('state', 'in', [...f.states]);
      if (f.communeCode) q = q.where('commune_code', '=', f.communeCode);
      if (f.teamId) q = q.where('team_id', '=', f.teamId);
      if (f.assignedUserId) q = q.where('assigned_user_id', '=', f.assignedUserId);
      if (f.after) {
        const { createdAt, id } = f.after;
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', createdAt),
            eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
          ]),
        );
      }
      return q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(f.limit + 1)
        .execute();
    },
    /** Names for a page of requests: teams, hamlets, members, communes. */
    namesFor: async (rows: readonly HelpRequestRow[]) => {
      const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
      const teamIds = uniq(rows.map((r) => r.team_id));
      const hamletIds = uniq(rows.map((r) => r.hamlet_id));
      const memberIds = uniq(rows.map((r) => r.assigned_member_id));
      const communeCodes = uniq(rows.map((r) => r.commune_code));
      const [teams, hamlets, members, communes] = await Promise.all([
        teamIds.length
          ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute()
          : [],
        hamletIds.length
          ? db.selectFrom('hamlets').select(['id', 'name']).where('id', 'in', hamletIds).execute()
          : [],
        memberIds.length
          ? db.selectFrom('team_members').select(['id', 'name']).where('id', 'in', memberIds).execute()
          : [],
        communeCodes.length
          ? db
              .selectFrom('units')
              .select(['code as id', 'name'])
              .where('level', '=', 'commune')
              .where('code', 'in', communeCodes)
              .where('valid_to', 'is', null)
              .execute()
          : [],
      ]);
      const map = (xs: { id: string; name: string }[]) => new Map(xs.map((x) => [x.id, x.name]));
      return { teams: map(teams), hamlets: map(hamlets), members: map(members), communes: map(communes) };
    },

    // ---- writes ------------------------------------------------------------------------------------------------
    /** Applies `patch` only while the request is still in `fromState` (two clicks, two phones): false when not. */
    transition: async (
      id: string,
      fromState: HelpRequestStateColumn,
      patch: Partial<HelpRequestRow>,
      ex: Executor,
    ) => {
      const res = await ex
        .updateTable('help_requests')
        .set(patch)
        .where('id', '=', id)
        .where('state', '=', fromState)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    rate: async (id: string, rating: number, comment: string | null, at: string, ex: Executor = db) => {
      const res = await ex
        .updateTable('help_requests')
        .set({ rating, rating_comment: comment, rated_at: at, updated_at: at })
        .where('id', '=', id)
        .where('state', '=', 'done')
        .where('rated_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    // ---- settings ----------------------------------------------------------------------------------------------
    findSettings: (provinceCode: string) =>
      db
        .selectFrom('help_request_settings')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .executeTakeFirst(),
    upsertSettings: async (
      provinceCode: string,
      retentionDays: number,
      by: string | null,
      at: string,
      ex: Executor,
    ) => {
      await ex
        .insertInto('help_request_settings')
        .values({
          province_code: provinceCode,
          retention_days: retentionDays,
          updated_by: by,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .column('province_code')
            .doUpdateSet({ retention_days: retentionDays, updated_by: by, updated_at: at }),
        )
        .execute();
    },

    // ---- linked support records --------------------------------------------------------------------------------
    /** The records among `ids` that name a help request (the completion watch). */
    linkedRecords: (ids: readonly string[], ex: Executor = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : ex
            .selectFrom('support_records')
            .select([
              'id',
              'help_request_id',
              'team_id',
              'commune_code',
              'province_code',
              'author_user_id',
              'state',
            ])
            .where('id', 'in', [...ids])
            .where('help_request_id', 'is not', null)
            .execute(),
  };
}
export type HelpRequestsRepository = ReturnType<typeof createHelpRequestsRepository>;

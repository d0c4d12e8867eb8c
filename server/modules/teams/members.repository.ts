import type { Kysely, Transaction } from 'kysely';
import type { DB, TeamMembersTable } from '../../db/schema';
import { openSealed, sealPhone } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

type Executor = Kysely<DB> | Transaction<DB>;

/** A member as the services see it: the phone open (+84…); this repository seals it and keeps its hash. */
export type MemberRow = Omit<TeamMembersTable, 'phone' | 'phone_hash'> & { phone: string | null };
const PHONE_CONTEXT = 'team_members.phone';

/**
 * Team members. "Active on a day" = active_from ≤ day ≤ active_to (open-ended while active_to is null). Phone
 * numbers are sealed on the way in and opened on the way out.
 */
export function createMembersRepository(db: Kysely<DB>, sealer: Sealer) {
  const sealed = <R extends { phone?: string | null }>(row: R) => {
    const { phone, ...rest } = row;
    if (phone === undefined) return rest;
    const s = sealPhone(sealer, PHONE_CONTEXT, phone);
    return { ...rest, phone: s.sealed, phone_hash: s.hash };
  };
  const opened = (row: TeamMembersTable): MemberRow => {
    const { phone_hash: _hash, ...rest } = row;
    return { ...rest, phone: openSealed(sealer, PHONE_CONTEXT, row.phone) };
  };
  return {
    async listOfTeam(teamId: string, ex: Executor = db): Promise<MemberRow[]> {
      const rows = await ex
        .selectFrom('team_members')
        .selectAll()
        .where('team_id', '=', teamId)
        .orderBy('active_from')
        .orderBy('id')
        .execute();
      return rows.map(opened);
    },

    async findById(teamId: string, memberId: string, ex: Executor = db): Promise<MemberRow | undefined> {
      const row = await ex
        .selectFrom('team_members')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row && opened(row);
    },

    async insert(row: MemberRow, ex: Executor = db) {
      await ex.insertInto('team_members').values(sealed(row) as TeamMembersTable).execute();
    },

    async insertMany(rows: readonly MemberRow[], ex: Executor = db) {
      for (let i = 0; i < rows.length; i += 500)
        await ex
          .insertInto('team_members')
          .values(rows.slice(i, i + 500).map((r) => sealed(r) as TeamMembersTable))
          .execute();
    },

    async update(id: string, patch: Partial<MemberRow>, ex: Executor = db) {
      await ex.updateTable('team_members').set(sealed(patch) as Partial<TeamMembersTable>).where('id', '=', id).execute();
    },

    /** Links a member row to the account that accepted its invitation; a second delivery changes nothing. */
    async linkUser(memberId: string, userId: string, at: string, ex: Executor = db): Promise<boolean> {
      const res = await ex
        .updateTable('team_members')
        .set({ user_id: userId, updated_at: at })
        .where('id', '=', memberId)
        .where('user_id', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /** Ends every active membership of a team on `lastDay` (dissolve / merge keep the rows). */
    async endAllActive(teamId: string, lastDay: string, at: string, ex: Executor = db) {
      await ex
        .updateTable('team_members')
        .set({ active_to: lastDay, updated_at: at })
        .where('team_id', '=', teamId)
        .where('active_to', 'is', null)
        .execute();
    },

    /** The teams a user is an active member of on `today`, active teams only (GET /me). */
    teamsOfUser(userId: string, today: string, ex: Executor = db) {
      return ex
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select(['teams.id as team_id', 'teams.name as team_name', 'teams.hamlet_id', 'team_members.role'])
        .where('team_members.user_id', '=', userId)
        .where('teams.status', '=', 'active')
        .where('team_members.active_from', '<=', today)
        .where((eb) =>
          eb.or([eb('team_members.active_to', 'is', null), eb('team_members.active_to', '>=', today)]),
        )
        .orderBy('teams.name')
        .execute();
    },

    /** Every membership (any period) of a user in the given teams: the sync path checks periods per record. */
    membershipsOfUserIn(userId: string, teamIds: readonly string[], ex: Executor = db) {
      if (teamIds.length === 0) return Promise.resolve([]);
      return ex
        .selectFrom('team_members')
        .select(['id', 'team_id', 'name', 'active_from', 'active_to'])
        .where('user_id', '=', userId)
        .where('team_id', 'in', [...teamIds])
        .execute();
    },

    findUser(userId: string, ex: Executor = db) {
      return ex.selectFrom('users').select(['id', 'status']).where('id', '=', userId).executeTakeFirst();
    },

    /** Every member of every team of a province, with the team's place (demo activity, bulk reports). */
    listInProvince(provinceCode: string, ex: Executor = db) {
      return ex
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select([
          'team_members.id',
          'team_members.team_id',
          'team_members.user_id',
          'team_members.role',
          'team_members.affiliation',
          'team_members.active_from',
          'team_members.active_to',
          'teams.hamlet_id',
          'teams.commune_code',
          'teams.province_code',
        ])
        .where('teams.province_code', '=', provinceCode)
        .where('teams.status', '=', 'active')
        .orderBy('teams.id')
        .orderBy('team_members.id')
        .execute();
    },

    namesOf(ids: readonly string[], ex: Executor = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return ex
        .selectFrom('team_members')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();
    },
  };
}
export type MembersRepository = ReturnType<typeof createMembersRepository>;

import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB, TeamChangesTable, TeamsTable } from '../../db/schema';
import { openSealed, sealPhone } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

type Executor = Kysely<DB> | Transaction<DB>;

/** A team as the services write and read it: the contact phone open (+84…), sealed by this repository. */
export type TeamRecord = Omit<TeamsTable, 'contact_phone' | 'contact_phone_hash'> & { contact_phone: string | null };
const CONTACT_CONTEXT = 'teams.contact_phone';

/** A team with the names of its hamlet and commune, and how many members are active on `today`. */
export interface TeamRow extends TeamRecord {
  /** Search rank (0: the phrase is in the team's or hamlet's name); 0 without a query. */
  rank?: number;
  hamlet_name: string | null;
  commune_name: string | null;
  member_count: number;
}

export interface TeamListOptions {
  /** Scope and unit filter (see scope-filter.ts). */
  where: Expression<SqlBool>;
  statuses: readonly TeamsTable['status'][];
  /** Folded query words; every word must appear in the team's, hamlet's or commune's name. */
  words: readonly string[];
  /** The last row's (rank, commune, sort key, id), from the cursor. */
  after: readonly [number, string, string, string] | null;
  limit: number;
  today: string;
}

/**
 * Teams and their change history. Kysely only: no authorization, no business branching. The contact phone is
 * sealed on the way in and opened on the way out.
 */
export function createTeamsRepository(db: Kysely<DB>, sealer: Sealer) {
  const sealed = <R extends { contact_phone?: string | null }>(row: R) => {
    const { contact_phone, ...rest } = row;
    if (contact_phone === undefined) return rest;
    const s = sealPhone(sealer, CONTACT_CONTEXT, contact_phone);
    return { ...rest, contact_phone: s.sealed, contact_phone_hash: s.hash };
  };
  const opened = <R extends { contact_phone: string | null; contact_phone_hash?: unknown }>(row: R) => {
    const { contact_phone_hash: _hash, ...rest } = row;
    return { ...rest, contact_phone: openSealed(sealer, CONTACT_CONTEXT, row.contact_phone) };
  };
  function selectTeams(ex: Executor, today: string) {
    return ex
      .selectFrom('teams')
      .leftJoin('hamlets', 'hamlets.id', 'teams.hamlet_id')
      .leftJoin('units', (j) =>
        j
          .onRef('units.code', '=', 'teams.commune_code')
          .on('units.level', '=', 'commune')
          .on('units.valid_to', 'is', null),
      )
      .selectAll('teams')
      .select((eb) => [
        'hamlets.name as hamlet_name',
        'units.full_name as commune_name',
        eb
          .selectFrom('team_members')
          .select((m) => m.fn.countAll<number>().as('n'))
          .whereRef('team_members.team_id', '=', 'teams.id')
          .where('team_members.active_from', '<=', today)
          .where((m) =>
            m.or([m('team_members.active_to', 'is', null), m('team_members.active_to', '>=', today)]),
          )
          .as('member_count'),
      ]);
  }

  return {
    async findById(id: string, today: string, ex: Executor = db): Promise<TeamRow | undefined> {
      const row = await selectTeams(ex, today).where('teams.id', '=', id).executeTakeFirst();
      return row ? opened({ ...row, member_count: Number(row.member_count ?? 0) }) : undefined;
    },

    async list(opts: TeamListOptions): Promise<TeamRow[]> {
      // Word starts, not any substring: "an" finds "Tân An", not "Thạnh". A team whose own or hamlet's name
      // holds the whole phrase ranks first ("binh phu" → Ấp Bình Phú before a Bình… commune's other teams).
      const startsWord = (column: string, text: string) =>
        sql<SqlBool>`(' ' || coalesce(${sql.ref(column)}, '')) like ${`% ${text}%`}`;
      const phrase = opts.words.join(' ');
      const rank =
        phrase === ''
          ? sql<number>`0`
          : sql<number>`case when ${startsWord('teams.search_text', phrase)} or ${startsWord('hamlets.search_text', phrase)} then 0 else 1 end`;
      let q = selectTeams(db, opts.today)
        .select(rank.as('rank'))
        .where(opts.where)
        .where('teams.status', 'in', [...opts.statuses]);
      for (const word of opts.words) {
        q = q.where((eb) =>
          eb.or([
            startsWord('teams.search_text', word),
            startsWord('hamlets.search_text', word),
            startsWord('units.search_text', word),
          ]),
        );
      }
      if (opts.after) {
        const [r, commune, key, id] = opts.after;
        q = q.where(
          sql<SqlBool>`(${rank}, teams.commune_code, teams.search_text, teams.id) > (${r}, ${commune}, ${key}, ${id})`,
        );
      }
      // ORDER BY a bare constant would name a column position; without a phrase every rank is 0 anyway.
      if (phrase !== '') q = q.orderBy(rank);
      const rows = await q
        .orderBy('teams.commune_code')
        .orderBy('teams.search_text')
        .orderBy('teams.id')
        .limit(opts.limit)
        .execute();
      return rows.map((r) => opened({ ...r, rank: Number(r.rank), member_count: Number(r.member_count ?? 0) }));
    },

    /** The active team of a hamlet, or (hamletId null) the active commune-level team of a commune. */
    findActiveTeamAt(communeCode: string, hamletId: string | null, ex: Executor = db) {
      let q = ex
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('commune_code', '=', communeCode)
        .where('status', '=', 'active');
      q = hamletId === null ? q.where('hamlet_id', 'is', null) : q.where('hamlet_id', '=', hamletId);
      return q.executeTakeFirst();
    },

    findHamlet(id: string, ex: Executor = db) {
      return ex
        .selectFrom('hamlets')
        .select(['id', 'name', 'commune_code', 'province_code', 'status'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findCurrentCommune(code: string, ex: Executor = db) {
      return ex
        .selectFrom('units')
        .select(['code', 'full_name', 'province_code'])
        .where('code', '=', code)
        .where('level', '=', 'commune')
        .where('valid_to', 'is', null)
        .executeTakeFirst();
    },

    async insert(row: TeamRecord, ex: Executor = db) {
      await ex.insertInto('teams').values(sealed(row) as TeamsTable).execute();
    },

    /** Bulk form for seeds and imports (500 rows a statement keeps under the parameter limits). */
    async insertMany(rows: readonly TeamRecord[], changes: readonly TeamChangesTable[], ex: Executor = db) {
      for (let i = 0; i < rows.length; i += 500)
        await ex
          .insertInto('teams')
          .values(rows.slice(i, i + 500).map((r) => sealed(r) as TeamsTable))
          .execute();
      for (let i = 0; i < changes.length; i += 500)
        await ex
          .insertInto('team_changes')
          .values(changes.slice(i, i + 500))
          .execute();
    },

    async update(id: string, patch: Partial<TeamRecord>, ex: Executor = db) {
      await ex.updateTable('teams').set(sealed(patch) as Partial<TeamsTable>).where('id', '=', id).execute();
    },

    async insertChange(row: TeamChangesTable, ex: Executor = db) {
      await ex.insertInto('team_changes').values(row).execute();
    },

    listChanges(teamId: string, ex: Executor = db) {
      return ex
        .selectFrom('team_changes')
        .selectAll()
        .where('team_id', '=', teamId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    /**
     * The sync path's team lookup: each team with its own hamlet (where most help happens) and the caller's
     * memberships in it (any period; the caller checks the day), in one query for a whole batch. `userId` null (an
     * API key) gives no memberships.
     */
    /**
     * Teams with their hamlet, and the memberships any of `userIds` hold in them: one row per (team, membership),
     * or one row with null member fields when none of them is a member.
     */
    findManyWithMembership(ids: readonly string[], userIds: readonly string[], ex: Executor = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return ex
        .selectFrom('teams')
        .leftJoin('team_members', (j) =>
          j
            .onRef('team_members.team_id', '=', 'teams.id')
            .on('team_members.user_id', 'in', userIds.length > 0 ? [...userIds] : ['']),
        )
        .leftJoin('hamlets', 'hamlets.id', 'teams.hamlet_id')
        .select([
          'hamlets.name as hamlet_name',
          'hamlets.commune_code as hamlet_commune_code',
          'hamlets.province_code as hamlet_province_code',
          'hamlets.status as hamlet_status',
          'teams.id',
          'teams.name',
          'teams.province_code',
          'teams.commune_code',
          'teams.hamlet_id',
          'teams.status',
          'teams.status_changed_at',
          'team_members.id as member_id',
          'team_members.user_id as member_user_id',
          'team_members.name as member_name',
          'team_members.active_from',
          'team_members.active_to',
        ])
        .where('teams.id', 'in', [...ids])
        .execute();
    },

    findManyHamlets(ids: readonly string[], ex: Executor = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return ex
        .selectFrom('hamlets')
        .select(['id', 'name', 'commune_code', 'province_code', 'status'])
        .where('id', 'in', [...ids])
        .execute();
    },
  };
}
export type TeamsRepository = ReturnType<typeof createTeamsRepository>;

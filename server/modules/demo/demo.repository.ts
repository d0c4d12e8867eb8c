import type { Insertable, Kysely, Transaction } from 'kysely';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import type { DB, GrantsTable, HamletChangesTable, HamletsTable, UsersTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** Rows a statement: 200 × 13 columns stays far below SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH_ROWS = 200;

async function insertInBatches<T extends keyof DB>(ex: Executor, table: T, rows: Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    // Kysely cannot narrow a generic table name to its row type; the rows were typed by the caller.
    await ex
      .insertInto(table)
      .values(rows.slice(i, i + BATCH_ROWS) as never)
      .execute();
  }
}

/** The demo seed's reads and writes. Kysely only: the seed service decides what to write and when. */
export function createDemoRepository(db: Kysely<DB>) {
  return {
    listCurrentCommunes(provinceCode: string, ex: Executor = db) {
      return ex
        .selectFrom('units')
        .select(['code', 'name', 'full_name', 'type'])
        .where('level', '=', 'commune')
        .where('province_code', '=', provinceCode)
        .where('valid_to', 'is', null)
        .orderBy('code')
        .execute();
    },
    async countHamlets(provinceCode: string, ex: Executor = db) {
      const row = await ex
        .selectFrom('hamlets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('province_code', '=', provinceCode)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findSetting(key: string, ex: Executor = db) {
      const row = await ex.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value ?? null;
    },
    /**
     * Inserts the setting unless the key exists; true when this call wrote it. On PostgreSQL a concurrent
     * uncommitted insert of the same key makes this wait, then report false: the key works as a claim.
     */
    async claimSetting(key: string, value: string, at: string, ex: Executor = db) {
      const res = await ex
        .insertInto('settings')
        .values({ key, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    insertHamlets(rows: HamletsTable[], ex: Executor = db) {
      return insertInBatches(ex, 'hamlets', rows);
    },
    insertHamletChanges(rows: HamletChangesTable[], ex: Executor = db) {
      return insertInBatches(ex, 'hamlet_changes', rows);
    },
    insertUsers(rows: UsersTable[], ex: Executor = db) {
      return insertInBatches(ex, 'users', rows);
    },
    insertGrants(rows: GrantsTable[], ex: Executor = db) {
      return insertInBatches(ex, 'grants', rows);
    },
    /** Readable names of grant units: "Tỉnh Tây Ninh", "Phường Tân An", "Khu phố 1, Phường Tân An". */
    async placeNames(unitCodes: readonly string[], ex: Executor = db) {
      const names = new Map<string, string>();
      if (unitCodes.length === 0) return names;
      const units = await ex
        .selectFrom('units')
        .select(['code', 'full_name'])
        .where('code', 'in', [...unitCodes])
        .where('level', 'in', ['province', 'commune'])
        .where('valid_to', 'is', null)
        .execute();
      for (const u of units) names.set(u.code, u.full_name);
      const hamlets = await ex
        .selectFrom('hamlets')
        .innerJoin('units', (j) =>
          j
            .onRef('units.code', '=', 'hamlets.commune_code')
            .on('units.level', '=', 'commune')
            .on('units.valid_to', 'is', null),
        )
        .select(['hamlets.id', 'hamlets.name', 'units.full_name'])
        .where('hamlets.id', 'in', [...unitCodes])
        .execute();
      for (const h of hamlets) names.set(h.id, `${h.name}, ${h.full_name}`);
      return names;
    },
    /** The demo accounts that exist, with the grant that gives each its role. */
    async listAccountsByEmail(emails: readonly string[], sealer: Sealer, ex: Executor = db) {
      if (emails.length === 0) return [];
      const rows = await ex
        .selectFrom('users')
        .innerJoin('grants', 'grants.user_id', 'users.id')
        .select(['users.id', 'users.email', 'users.phone', 'users.name', 'grants.role', 'grants.unit_code'])
        .where('users.email', 'in', [...emails])
        .where('users.status', '=', 'active')
        .execute();
      return rows.map((r) => ({ ...r, phone: openSealed(sealer, 'users.phone', r.phone) }));
    },
    /** The active team of each user that is a current member of one (the first by name when several). */
    async teamNamesOfUsers(userIds: readonly string[], ex: Executor = db) {
      const names = new Map<string, string>();
      if (userIds.length === 0) return names;
      const rows = await ex
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select(['team_members.user_id', 'teams.name'])
        .where('team_members.user_id', 'in', [...userIds])
        .where('team_members.active_to', 'is', null)
        .where('teams.status', '=', 'active')
        .orderBy('teams.search_text')
        .execute();
      for (const r of rows) if (r.user_id && !names.has(r.user_id)) names.set(r.user_id, r.name);
      return names;
    },
  };
}
export type DemoRepository = ReturnType<typeof createDemoRepository>;

import type { Kysely, Transaction } from 'kysely';
import type { DB, GrantsTable } from '../../db/schema';
import { grantInSubtree, type Subtree } from './scope-filter';

type Executor = Kysely<DB> | Transaction<DB>;

/** Grants: who holds which role where. Kysely only. */
/** `rowLocks`: true on PostgreSQL, where concurrent transactions need SELECT … FOR UPDATE (SQLite has one writer). */
export function createGrantsRepository(db: Kysely<DB>, opts: { rowLocks: boolean }) {
  return {
    async insert(row: GrantsTable, ex: Executor = db) {
      await ex.insertInto('grants').values(row).execute();
    },
    find(userId: string, grantId: string, ex: Executor = db) {
      return ex
        .selectFrom('grants')
        .selectAll()
        .where('id', '=', grantId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
    },
    /** The same role at the same unit (and, for agency handlers, for the same agency: two agencies may share a unit). */
    findSame(
      userId: string,
      role: string,
      unitCode: string,
      ex: Executor = db,
      agencyId: string | null = null,
    ) {
      return ex
        .selectFrom('grants')
        .selectAll()
        .where('user_id', '=', userId)
        .where('role', '=', role)
        .where('unit_code', '=', unitCode)
        .$if(agencyId !== null, (qb) => qb.where('agency_id', '=', agencyId))
        .executeTakeFirst();
    },
    async delete(grantId: string, ex: Executor = db) {
      await ex.deleteFrom('grants').where('id', '=', grantId).execute();
    },
    ofUsers(userIds: string[], ex: Executor = db) {
      if (userIds.length === 0) return Promise.resolve([] as GrantsTable[]);
      return ex
        .selectFrom('grants')
        .selectAll()
        .where('user_id', 'in', userIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    /**
     * The province_admin grants of active users in a province. On PostgreSQL the grant and user rows are locked,
     * so two administrators removing or disabling each other at the same moment cannot both succeed (the second
     * re-reads both rows after the first commits); SQLite has one writer, which serialises them anyway.
     */
    lockProvinceAdminGrants(provinceCode: string, ex: Executor) {
      return ex
        .selectFrom('grants')
        .innerJoin('users', 'users.id', 'grants.user_id')
        .select(['grants.id', 'grants.user_id'])
        .where('grants.role', '=', 'province_admin')
        .where('grants.province_code', '=', provinceCode)
        .where('users.status', '=', 'active')
        .$if(opts.rowLocks, (qb) => qb.forUpdate())
        .execute();
    },
    /** Whether the user holds at least one grant inside any of the subtrees. */
    async hasGrantIn(userId: string, subtrees: Subtree[], ex: Executor = db) {
      if (subtrees.length === 0) return false;
      const row = await ex
        .selectFrom('grants')
        .select('grants.id')
        .where('grants.user_id', '=', userId)
        .where((eb) => eb.or(subtrees.map(grantInSubtree)))
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
export type GrantsRepository = ReturnType<typeof createGrantsRepository>;

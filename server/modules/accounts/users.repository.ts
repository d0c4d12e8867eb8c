import type { Kysely, Transaction } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import type { DB, UsersTable } from '../../db/schema';
import { grantInSubtree, type Subtree } from './scope-filter';

type Executor = Kysely<DB> | Transaction<DB>;

/** Users and their sessions. Kysely only: no authorization, no business branching. */
export function createUsersRepository(db: Kysely<DB>) {
  return {
    findByEmail(email: string, ex: Executor = db) {
      return ex.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    findById(id: string, ex: Executor = db) {
      return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByPhone(phone: string, ex: Executor = db) {
      return ex.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst();
    },
    /**
     * Users holding a grant that lies inside one of `scopes` (and inside `unit`, with `role`, when given), in id
     * order after `afterId`. Visibility is decided by the caller; this only applies the subtrees it is given.
     */
    listHoldingGrantsIn(
      filter: {
        scopes: Subtree[];
        unit: Subtree | null;
        role: string | null;
        /** Folded name fragment and the raw (lower-case) text for e-mail addresses. */
        search: { folded: string; raw: string } | null;
        afterId: string | null;
        limit: number;
      },
      ex: Executor = db,
    ) {
      return ex
        .selectFrom('users')
        .select(['id', 'name', 'email', 'phone', 'status'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('grants')
              .select('grants.id')
              .whereRef('grants.user_id', '=', 'users.id')
              .where(eb.or(filter.scopes.map(grantInSubtree)))
              .$if(filter.unit !== null, (qb) => qb.where(grantInSubtree(filter.unit!)))
              .$if(filter.role !== null, (qb) => qb.where('grants.role', '=', filter.role!)),
          ),
        )
        .$if(filter.search !== null, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('users.search_text', 'like', `%${filter.search!.folded}%`),
              eb('users.email', 'like', `%${filter.search!.raw}%`),
            ]),
          ),
        )
        .$if(filter.afterId !== null, (qb) => qb.where('users.id', '>', filter.afterId!))
        .orderBy('users.id')
        .limit(filter.limit)
        .execute();
    },
    /** search_text is derived from the name here, the one place users are written. */
    async insert(row: Omit<UsersTable, 'search_text'>, ex: Executor = db) {
      await ex.insertInto('users').values({ ...row, search_text: foldText(row.name) }).execute();
    },
    async update(id: string, patch: Partial<Omit<UsersTable, 'search_text'>>, ex: Executor = db) {
      const derived = patch.name !== undefined ? { search_text: foldText(patch.name) } : {};
      await ex.updateTable('users').set({ ...patch, ...derived }).where('id', '=', id).execute();
    },
    async insertSession(
      row: { id: string; user_id: string; csrf_token: string; ip: string | null; user_agent: string | null; created_at: string; expires_at: string },
      ex: Executor = db,
    ) {
      await ex
        .insertInto('sessions')
        .values({ ...row, last_seen_at: row.created_at })
        .execute();
    },
    async deleteSession(id: string, ex: Executor = db) {
      await ex.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteSessionsOfUser(userId: string, ex: Executor = db) {
      const res = await ex.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async deleteOtherSessions(userId: string, keepSessionId: string, ex: Executor = db) {
      const res = await ex
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('id', '<>', keepSessionId)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async deleteExpiredSessions(nowIso: string) {
      const res = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    grantsOfUser(userId: string, ex: Executor = db) {
      return ex.selectFrom('grants').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
    },
    unitNames(codes: string[], ex: Executor = db) {
      if (codes.length === 0) return Promise.resolve([] as { code: string; full_name: string }[]);
      return ex
        .selectFrom('units')
        .select(['code', 'full_name'])
        .where('code', 'in', codes)
        .where('valid_to', 'is', null)
        .where('level', 'in', ['province', 'commune'])
        .execute();
    },
    hamletNames(ids: string[], ex: Executor = db) {
      if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
      return ex.selectFrom('hamlets').select(['id', 'name']).where('id', 'in', ids).execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;

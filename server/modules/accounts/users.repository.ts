import type { Kysely, Transaction } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import type { DB, UsersTable } from '../../db/schema';
import { openSealed, phoneHashes, sealPhone } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { grantInSubtree, type Subtree } from './scope-filter';

type Executor = Kysely<DB> | Transaction<DB>;

/** A user as the services see it: the phone number opened (normalised, +84…), its hash left to this repository. */
export type UserRow = Omit<UsersTable, 'phone' | 'phone_hash'> & { phone: string | null };
const PHONE_CONTEXT = 'users.phone';

/**
 * Users and their sessions. Kysely only: no authorization, no business branching. Phone numbers are sealed here on
 * the way in and opened on the way out; a look-up by number goes through its keyed hash.
 */
export function createUsersRepository(db: Kysely<DB>, sealer: Sealer) {
  const open = <R extends { phone: string | null }>(row: R | undefined): (R & { phone: string | null }) | undefined =>
    row && { ...row, phone: openSealed(sealer, PHONE_CONTEXT, row.phone) };
  const withoutHash = (row: UsersTable | undefined): UserRow | undefined => {
    if (!row) return undefined;
    const { phone_hash: _hash, ...rest } = row;
    return open(rest);
  };
  const sealedPhone = (phone: string | null): Pick<UsersTable, 'phone' | 'phone_hash'> => {
    const s = sealPhone(sealer, PHONE_CONTEXT, phone);
    return { phone: s.sealed, phone_hash: s.hash };
  };
  return {
    async findByEmail(email: string, ex: Executor = db) {
      return withoutHash(await ex.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst());
    },
    async findById(id: string, ex: Executor = db) {
      return withoutHash(await ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());
    },
    /** By the normalised number (+84…): its hash under every key version, so rows a rotation has not reached match. */
    async findByPhone(phone: string, ex: Executor = db) {
      return withoutHash(
        await ex.selectFrom('users').selectAll().where('phone_hash', 'in', phoneHashes(sealer, phone)).executeTakeFirst(),
      );
    },
    /**
     * Users holding a grant that lies inside one of `scopes` (and inside `unit`, with `role`, when given), in id
     * order after `afterId`. Visibility is decided by the caller; this only applies the subtrees it is given.
     */
    async listHoldingGrantsIn(
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
      const rows = await ex
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
      return rows.map((r) => open(r)!);
    },
    /** search_text is derived from the name here, and the phone sealed: the one place users are written. */
    async insert(row: Omit<UserRow, 'search_text'>, ex: Executor = db) {
      const { phone, ...rest } = row;
      await ex
        .insertInto('users')
        .values({ ...rest, ...sealedPhone(phone), search_text: foldText(row.name) })
        .execute();
    },
    async update(id: string, patch: Partial<Omit<UserRow, 'search_text'>>, ex: Executor = db) {
      const { phone, ...rest } = patch;
      const derived: Partial<UsersTable> = {
        ...(patch.name !== undefined ? { search_text: foldText(patch.name) } : {}),
        ...(phone !== undefined ? sealedPhone(phone) : {}),
      };
      await ex
        .updateTable('users')
        .set({ ...rest, ...derived })
        .where('id', '=', id)
        .execute();
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

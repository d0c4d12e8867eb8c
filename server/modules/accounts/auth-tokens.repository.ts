import type { Kysely, Transaction } from 'kysely';
import type { AuthTokensTable, DB } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;
type TokenKind = AuthTokensTable['kind'];

/** Single-use tokens sent by e-mail or link (password resets, invitations), stored as SHA-256. Kysely only. */
export function createAuthTokensRepository(db: Kysely<DB>) {
  return {
    async insert(row: AuthTokensTable, ex: Executor = db) {
      await ex.insertInto('auth_tokens').values(row).execute();
    },
    /** The token when it exists, is of this kind, unused and unexpired. */
    findUsable(id: string, kind: TokenKind, nowIso: string, ex: Executor = db) {
      return ex
        .selectFrom('auth_tokens')
        .selectAll()
        .where('id', '=', id)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
    },
    /**
     * Marks the token used only if it still is usable; false when another request got there first, which
     * makes a token single-use even under concurrent submissions.
     */
    async claim(id: string, kind: TokenKind, nowIso: string, ex: Executor = db) {
      const res = await ex
        .updateTable('auth_tokens')
        .set({ used_at: nowIso })
        .where('id', '=', id)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async useAllOfUser(userId: string, kind: TokenKind, nowIso: string, ex: Executor = db) {
      await ex
        .updateTable('auth_tokens')
        .set({ used_at: nowIso })
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .execute();
    },
    async countIssuedToUserSince(userId: string, kind: TokenKind, sinceIso: string, ex: Executor = db) {
      const row = await ex
        .selectFrom('auth_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .where('created_at', '>', sinceIso)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countIssuedSince(email: string, kind: TokenKind, sinceIso: string, ex: Executor = db) {
      const row = await ex
        .selectFrom('auth_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', email)
        .where('kind', '=', kind)
        .where('created_at', '>', sinceIso)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type AuthTokensRepository = ReturnType<typeof createAuthTokensRepository>;

import type { Kysely, Transaction } from 'kysely';
import type { ApiKeysTable, DB } from '../../db/schema';
import { rowInSubtree, type Subtree } from './scope-filter';

type Executor = Kysely<DB> | Transaction<DB>;

/** API keys for integrations; only the SHA-256 of a secret is ever stored. Kysely only. */
export function createApiKeysRepository(db: Kysely<DB>) {
  return {
    async insert(row: ApiKeysTable, ex: Executor = db) {
      await ex.insertInto('api_keys').values(row).execute();
    },
    findById(id: string, ex: Executor = db) {
      return ex.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Keys placed inside one of the subtrees, newest first (ids are UUIDv7, so id order is creation order). */
    listIn(filter: { scopes: Subtree[]; beforeId: string | null; limit: number }, ex: Executor = db) {
      return ex
        .selectFrom('api_keys')
        .selectAll()
        .where((eb) => eb.or(filter.scopes.map((s) => rowInSubtree('api_keys', s))))
        .$if(filter.beforeId !== null, (qb) => qb.where('id', '<', filter.beforeId!))
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute();
    },
    async revoke(id: string, nowIso: string, ex: Executor = db) {
      await ex.updateTable('api_keys').set({ revoked_at: nowIso }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },
  };
}
export type ApiKeysRepository = ReturnType<typeof createApiKeysRepository>;

import type { Kysely, Transaction } from 'kysely';
import type { DB, ServicesTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** The service catalogue. Kysely only. Rows are never deleted: a code once used stays resolvable forever. */
export function createServicesRepository(db: Kysely<DB>) {
  return {
    listAll(ex: Executor = db) {
      return ex.selectFrom('services').selectAll().orderBy('sort_order').orderBy('code').execute();
    },
    findByCode(code: string, ex: Executor = db) {
      return ex.selectFrom('services').selectAll().where('code', '=', code).executeTakeFirst();
    },
    async insert(row: ServicesTable, ex: Executor = db) {
      await ex.insertInto('services').values(row).execute();
    },
    async update(code: string, patch: Partial<ServicesTable>, ex: Executor = db) {
      await ex.updateTable('services').set(patch).where('code', '=', code).execute();
    },
    /** The code → status map the support log validates against. */
    statuses(ex: Executor = db) {
      return ex.selectFrom('services').select(['code', 'status']).execute();
    },
  };
}
export type ServicesRepository = ReturnType<typeof createServicesRepository>;

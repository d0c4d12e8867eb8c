import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB, PersonalDataBreachesTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** The breach register. Kysely only: no authorization, no business branching. */
export function createBreachesRepository(db: Kysely<DB>) {
  const withRecorder = (ex: Executor) =>
    ex
      .selectFrom('personal_data_breaches')
      .innerJoin('users', 'users.id', 'personal_data_breaches.recorded_by')
      .selectAll('personal_data_breaches')
      .select('users.name as recorded_by_name');
  return {
    async insert(row: PersonalDataBreachesTable, ex: Executor = db) {
      await ex.insertInto('personal_data_breaches').values(row).execute();
    },
    async update(id: string, patch: Partial<PersonalDataBreachesTable>, ex: Executor = db) {
      await ex.updateTable('personal_data_breaches').set(patch).where('id', '=', id).execute();
    },
    findById(id: string, ex: Executor = db) {
      return withRecorder(ex).where('personal_data_breaches.id', '=', id).executeTakeFirst();
    },
    /** Newest discovery first within the provinces, on the (province, discovered_at, id) index. */
    list(f: {
      provinceCodes: string[];
      status: PersonalDataBreachesTable['status'] | null;
      before: { at: string; id: string } | null;
      limit: number;
    }) {
      return withRecorder(db)
        .where('personal_data_breaches.province_code', 'in', f.provinceCodes.length > 0 ? f.provinceCodes : [''])
        .$if(f.status !== null, (qb) => qb.where('personal_data_breaches.status', '=', f.status!))
        .$if(f.before !== null, (qb) =>
          qb.where(
            sql<SqlBool>`(personal_data_breaches.discovered_at < ${f.before!.at} or (personal_data_breaches.discovered_at = ${f.before!.at} and personal_data_breaches.id < ${f.before!.id}))`,
          ),
        )
        .orderBy('personal_data_breaches.discovered_at', 'desc')
        .orderBy('personal_data_breaches.id', 'desc')
        .limit(f.limit)
        .execute();
    },
  };
}
export type BreachesRepository = ReturnType<typeof createBreachesRepository>;
export type BreachRow = NonNullable<Awaited<ReturnType<BreachesRepository['findById']>>>;

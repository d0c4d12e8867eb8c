import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DataSubjectRequestsTable, DB } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** Data-subject requests. Kysely only: no authorization, no business branching. */
export function createRequestsRepository(db: Kysely<DB>) {
  const withHandler = (ex: Executor) =>
    ex
      .selectFrom('data_subject_requests')
      .leftJoin('users', 'users.id', 'data_subject_requests.handled_by')
      .selectAll('data_subject_requests')
      .select('users.name as handler_name');
  return {
    async insert(row: DataSubjectRequestsTable, ex: Executor = db) {
      await ex.insertInto('data_subject_requests').values(row).execute();
    },
    /** Applies `patch` only while the request is still in `fromStatus` (two handlers, or a code typed twice). */
    async transition(
      id: string,
      fromStatus: DataSubjectRequestsTable['status'],
      patch: Partial<DataSubjectRequestsTable>,
      ex: Executor = db,
    ): Promise<boolean> {
      const res = await ex
        .updateTable('data_subject_requests')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', fromStatus)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    findById(id: string, ex: Executor = db) {
      return withHandler(ex).where('data_subject_requests.id', '=', id).executeTakeFirst();
    },
    findByCode(code: string, ex: Executor = db) {
      return withHandler(ex).where('data_subject_requests.code', '=', code).executeTakeFirst();
    },
    /** Oldest deadline first (the queue order), then id; unverified and expired requests are not work. */
    list(f: {
      provinceCodes: string[];
      status: DataSubjectRequestsTable['status'] | null;
      overdueAt: string | null;
      after: { dueAt: string; id: string } | null;
      limit: number;
    }) {
      return withHandler(db)
        .where('data_subject_requests.province_code', 'in', f.provinceCodes.length > 0 ? f.provinceCodes : [''])
        .where('data_subject_requests.due_at', 'is not', null)
        .$if(f.status !== null, (qb) => qb.where('data_subject_requests.status', '=', f.status!))
        .$if(f.overdueAt !== null, (qb) =>
          qb
            .where('data_subject_requests.status', 'in', ['verified', 'in_progress'])
            .where('data_subject_requests.due_at', '<', f.overdueAt!),
        )
        .$if(f.after !== null, (qb) =>
          qb.where(
            sql<SqlBool>`(data_subject_requests.due_at > ${f.after!.dueAt} or (data_subject_requests.due_at = ${f.after!.dueAt} and data_subject_requests.id > ${f.after!.id}))`,
          ),
        )
        .orderBy('data_subject_requests.due_at')
        .orderBy('data_subject_requests.id')
        .limit(f.limit)
        .execute();
    },
    /** Unverified requests whose code lapsed before `before`: they expire (the daily retention job). */
    async expireUnverified(before: string, at: string) {
      const res = await db
        .updateTable('data_subject_requests')
        .set({ status: 'expired', otp_hash: null, updated_at: at })
        .where('status', '=', 'unverified')
        .where('otp_expires_at', '<', before)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}
export type RequestsRepository = ReturnType<typeof createRequestsRepository>;
export type RequestRow = NonNullable<Awaited<ReturnType<RequestsRepository['findById']>>>;

import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ContactHash, DataSubjectRequestsTable, DB } from '../../db/schema';

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
    /** Open requests due before `dueBefore` whose handlers were not yet told at this `stage`. */
    dueForReminder(stage: 'due' | 'overdue', dueBefore: string, ex: Executor = db) {
      const column = stage === 'due' ? 'reminded_due_at' : 'reminded_overdue_at';
      return ex
        .selectFrom('data_subject_requests')
        .select(['id', 'code', 'kind', 'province_code', 'due_at'])
        .where('status', 'in', ['verified', 'in_progress'])
        .where('due_at', '<', dueBefore)
        .where(column, 'is', null)
        .orderBy('due_at')
        .limit(200)
        .execute();
    },
    async markReminded(id: string, stage: 'due' | 'overdue', at: string, ex: Executor = db) {
      await ex
        .updateTable('data_subject_requests')
        .set(stage === 'due' ? { reminded_due_at: at } : { reminded_overdue_at: at })
        .where('id', '=', id)
        .execute();
    },
    /** Active accounts holding a province-level grant of one of `roles` in the province (the handlers). */
    async handlersOf(provinceCode: string, roles: readonly string[], ex: Executor = db) {
      const rows = await ex
        .selectFrom('grants')
        .innerJoin('users', 'users.id', 'grants.user_id')
        .select('users.id')
        .where('grants.province_code', '=', provinceCode)
        .where('grants.level', '=', 'province')
        .where('grants.role', 'in', [...roles])
        .where('users.status', '=', 'active')
        .execute();
      return [...new Set(rows.map((r) => r.id))];
    },
    /** How many requests were filed for this contact (any key version's hash) since `since`: each sent it a code. */
    async countFiledSince(hashes: readonly ContactHash[], since: string) {
      const row = await db
        .selectFrom('data_subject_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contact_hash', 'in', [...hashes])
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
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

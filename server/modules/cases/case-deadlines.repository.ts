import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The step whose deadline is watched: acceptance (state 'submitted'), or handling (accepted … in progress). */
export type DeadlineStage = 'accept' | 'handle';
export type DeadlineKind = 'warning' | 'overdue';

const HANDLING_STATES = ['accepted', 'assigned', 'in_progress'] as const;

export interface DueCase {
  id: string;
  code: string;
  kind: 'report' | 'petition' | 'proposal';
  title: string;
  province_code: string;
  commune_code: string | null;
  hamlet_id: string | null;
  agency_id: string | null;
  due: string;
}

/**
 * "Not yet told about THIS deadline". A warning or overdue flag belongs to the deadline it was sent for: an overdue
 * flag is written after its deadline passed, so a flag older than the current deadline is for an earlier one (an
 * approved extension, a reopening); a warning sent before the case was accepted was about acceptance. The handling
 * side may also clear both columns when it moves a deadline.
 */
function notYetTold(stage: DeadlineStage, kind: DeadlineKind): Expression<SqlBool> {
  const due = sql.ref(stage === 'accept' ? 'accept_due_at' : 'handle_due_at');
  if (kind === 'overdue') return sql<SqlBool>`(overdue_flagged_at is null or overdue_flagged_at < ${due})`;
  if (stage === 'accept') return sql<SqlBool>`warned_at is null`;
  return sql<SqlBool>`(warned_at is null
    or (accepted_at is not null and warned_at < accepted_at)
    or (overdue_flagged_at is not null and overdue_flagged_at < ${due}))`;
}

/** Queries of the deadline job: the cases due, who to tell, and the guarded marks. */
export function createCaseDeadlinesRepository(db: Kysely<DB>) {
  return {
    /**
     * Open cases of a province whose current step is overdue (due < now) or falls due by `until`, not told yet,
     * the earliest first. Served by cases_state_idx (province, state, …) and the case's two deadline columns.
     */
    async listDue(opts: {
      provinceCode: string;
      stage: DeadlineStage;
      kind: DeadlineKind;
      now: string;
      until: string;
      limit: number;
    }): Promise<DueCase[]> {
      const dueCol = opts.stage === 'accept' ? 'accept_due_at' : 'handle_due_at';
      let query = db
        .selectFrom('cases')
        .select([
          'id',
          'code',
          'kind',
          'title',
          'province_code',
          'commune_code',
          'hamlet_id',
          'agency_id',
          `${dueCol} as due`,
        ])
        .where('province_code', '=', opts.provinceCode)
        .where(notYetTold(opts.stage, opts.kind));
      query =
        opts.stage === 'accept'
          ? query.where('state', '=', 'submitted')
          : query.where('state', 'in', [...HANDLING_STATES]);
      query =
        opts.kind === 'overdue'
          ? query.where(dueCol, '<', opts.now)
          : query.where(dueCol, '>=', opts.now).where(dueCol, '<=', opts.until);
      const rows = await query
        .where(dueCol, 'is not', null)
        .orderBy(dueCol)
        .orderBy('id')
        .limit(opts.limit)
        .execute();
      return rows as DueCase[];
    },

    /**
     * Marks one case told, only if it still is due and untold (another server's run, or a change of state since
     * the list was read, makes this a no-op): true when this call marked it.
     */
    async mark(trx: Db, c: DueCase, stage: DeadlineStage, kind: DeadlineKind, at: string): Promise<boolean> {
      const dueCol = stage === 'accept' ? 'accept_due_at' : 'handle_due_at';
      let query = trx
        .updateTable('cases')
        .set(kind === 'overdue' ? { overdue_flagged_at: at } : { warned_at: at })
        .where('id', '=', c.id)
        .where(dueCol, '=', c.due)
        .where(notYetTold(stage, kind));
      query =
        stage === 'accept'
          ? query.where('state', '=', 'submitted')
          : query.where('state', 'in', [...HANDLING_STATES]);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Users holding an agency_handler grant for the agency. */
    async agencyHandlers(agencyId: string, trx: Db): Promise<string[]> {
      const rows = await trx
        .selectFrom('grants')
        .select('user_id')
        .distinct()
        .where('role', '=', 'agency_handler')
        .where('agency_id', '=', agencyId)
        .execute();
      return rows.map((r) => r.user_id);
    },

    /** Users with one of `roles` on the commune itself (communeCode) or on the whole province (null). */
    async holdersAt(
      roles: readonly string[],
      provinceCode: string,
      communeCode: string | null,
      trx: Db,
    ): Promise<string[]> {
      if (roles.length === 0) return [];
      let query = trx
        .selectFrom('grants')
        .select('user_id')
        .distinct()
        .where('role', 'in', [...roles])
        .where('province_code', '=', provinceCode);
      query =
        communeCode === null
          ? query.where('level', '=', 'province')
          : query.where('level', '=', 'commune').where('commune_code', '=', communeCode);
      return (await query.execute()).map((r) => r.user_id);
    },

    async agencyPlace(
      agencyId: string,
      trx: Db,
    ): Promise<{ province_code: string; commune_code: string | null; name: string } | undefined> {
      return trx
        .selectFrom('agencies')
        .select(['province_code', 'commune_code', 'name'])
        .where('id', '=', agencyId)
        .executeTakeFirst();
    },
  };
}
export type CaseDeadlinesRepository = ReturnType<typeof createCaseDeadlinesRepository>;

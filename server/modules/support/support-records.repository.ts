import {
  CompiledQuery,
  expressionBuilder,
  sql,
  type Compilable,
  type Expression,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { DB, SupportRecordsTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Rows per INSERT statement: a whole sync batch (500 records × 34 columns = 17,000 parameters) fits in one
 * statement under both dialects' limits (SQLite 32,766; PostgreSQL 65,535), so a batch is one round trip.
 */
const INSERT_CHUNK = 500;
const SERVICES_CHUNK = 2000;

/**
 * The sync path's multi-row INSERTs, compiled once per shape (row count × column order) and re-run with new
 * parameters: building and compiling a 250-row × 34-column query tree for every batch costs more than the
 * insert itself. Kysely compiles the first one, so the SQL stays dialect-neutral; a shape whose parameters do
 * not come out in plain row × column order is simply never cached.
 */
function createShapeCache() {
  const texts = new Map<string, string | null>();
  return async function run<R>(
    ex: Executor,
    rows: readonly object[],
    build: () => Compilable<R>,
  ): Promise<R[]> {
    const columns = Object.keys(rows[0] ?? {});
    const key = `${rows.length}:${columns.join(',')}`;
    const params = new Array<unknown>(rows.length * columns.length);
    let k = 0;
    for (const r of rows) for (const c of columns) params[k++] = (r as Record<string, unknown>)[c];
    let text = texts.get(key);
    if (text === undefined) {
      const compiled = build().compile();
      const plain =
        compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
      text = plain ? compiled.sql : null;
      texts.set(key, text);
      if (!plain) return (await ex.executeQuery<R>(compiled)).rows;
    }
    if (text === null) return (await ex.executeQuery<R>(build().compile())).rows;
    return (await ex.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
  };
}

/** The columns the CSV export carries (support-csv.ts). */
const EXPORT_COLUMNS = [
  'support_records.id',
  'support_records.occurred_at',
  'support_records.commune_code',
  'support_records.hamlet_id',
  'support_records.team_id',
  'support_records.member_id',
  'support_records.services_json',
  'support_records.outcome',
  'support_records.age_band',
  'support_records.gender',
  'support_records.consent',
  'support_records.duration_minutes',
  'support_records.note',
  'support_records.state',
  'support_records.review_status',
  'support_records.supersedes',
] as const;

export type ExportRow = Pick<
  SupportRecordsTable,
  | 'id'
  | 'occurred_at'
  | 'commune_code'
  | 'hamlet_id'
  | 'team_id'
  | 'member_id'
  | 'services_json'
  | 'outcome'
  | 'age_band'
  | 'gender'
  | 'consent'
  | 'duration_minutes'
  | 'note'
  | 'state'
  | 'review_status'
  | 'supersedes'
>;

/**
 * The WHERE of the officers' list and the export: scope, filters and the keyset position. Built apart from any
 * query so the list (with joined names) and the export (without) cannot drift apart.
 */
function listConditions(opts: RecordListOptions): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'support_records'>();
  const f = opts.filter;
  const parts: Expression<SqlBool>[] = [opts.scope];
  if (f.fromUtc) parts.push(eb('support_records.occurred_at', '>=', f.fromUtc));
  if (f.toUtc) parts.push(eb('support_records.occurred_at', '<', f.toUtc));
  if (f.teamId) parts.push(eb('support_records.team_id', '=', f.teamId));
  if (f.hamletId) parts.push(eb('support_records.hamlet_id', '=', f.hamletId));
  if (f.memberId) parts.push(eb('support_records.member_id', '=', f.memberId));
  if (f.state) parts.push(eb('support_records.state', '=', f.state));
  if (f.review) parts.push(eb('support_records.review_status', '=', f.review));
  if (f.authorUserId) parts.push(eb('support_records.author_user_id', '=', f.authorUserId));
  if (f.service) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('support_record_services')
          .select('support_record_services.record_id')
          .whereRef('support_record_services.record_id', '=', 'support_records.id')
          .where('support_record_services.service_code', '=', f.service),
      ),
    );
  }
  if (opts.after) {
    const [at, id] = opts.after;
    parts.push(eb(eb.refTuple('support_records.occurred_at', 'support_records.id'), '<', eb.tuple(at, id)));
  }
  return eb.and(parts);
}

/** A stored record with the names a view shows. */
export interface RecordRow extends SupportRecordsTable {
  team_name: string | null;
  hamlet_name: string | null;
  member_name: string | null;
}

/** Filters of the officers' list and the CSV export; all optional, combined with AND. */
export interface RecordFilter {
  fromUtc?: string | undefined;
  toUtc?: string | undefined;
  teamId?: string | undefined;
  hamletId?: string | undefined;
  memberId?: string | undefined;
  service?: string | undefined;
  state?: SupportRecordsTable['state'] | undefined;
  review?: SupportRecordsTable['review_status'] | undefined;
  authorUserId?: string | undefined;
}

export interface RecordListOptions {
  /** The caller's scope and the requested unit (see the teams module's scope filter). */
  scope: Expression<SqlBool>;
  filter: RecordFilter;
  after: readonly [string, string] | null;
  limit: number;
}

/** Support records. Kysely only: no authorization, no business branching. */
export function createSupportRecordsRepository(db: Kysely<DB>) {
  const runRecordInsert = createShapeCache();
  const runServicesInsert = createShapeCache();
  function selectWithNames(ex: Executor) {
    return ex
      .selectFrom('support_records')
      .leftJoin('teams', 'teams.id', 'support_records.team_id')
      .leftJoin('hamlets', 'hamlets.id', 'support_records.hamlet_id')
      .leftJoin('team_members', 'team_members.id', 'support_records.member_id')
      .selectAll('support_records')
      .select(['teams.name as team_name', 'hamlets.name as hamlet_name', 'team_members.name as member_name']);
  }

  return {
    /** Hash and ownership of the given ids: the duplicate / conflict test and the targets of corrections. */
    findManyByIds(ids: readonly string[], ex: Executor = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return ex
        .selectFrom('support_records')
        .select([
          'id',
          'content_hash',
          'team_id',
          'hamlet_id',
          'team_hamlet_id',
          'province_code',
          'commune_code',
          'author_user_id',
          'author_api_key_id',
          'state',
          'superseded_by',
        ])
        .where('id', 'in', [...ids])
        .execute();
    },

    /**
     * The correction links a batch needs, in one query: stored records that correct any of `ids` (a correction may
     * arrive before what it corrects), and the stored records `targetIds` name as corrected.
     */
    findLinks(ids: readonly string[], targetIds: readonly string[], ex: Executor = db) {
      if (ids.length === 0 && targetIds.length === 0) return Promise.resolve([]);
      return ex
        .selectFrom('support_records')
        .select([
          'id',
          'supersedes',
          'province_code',
          'commune_code',
          'hamlet_id',
          'team_hamlet_id',
          'author_user_id',
          'author_api_key_id',
          'state',
          'superseded_by',
        ])
        .where((eb) =>
          eb.or([
            ...(ids.length > 0 ? [eb('supersedes', 'in', [...ids])] : []),
            ...(targetIds.length > 0 ? [eb('id', 'in', [...targetIds])] : []),
          ]),
        )
        .execute();
    },

    /**
     * Inserts the rows that are not stored yet and returns the ids it inserted. ON CONFLICT DO NOTHING is the
     * race-free form of "catch the unique violation" (primary key: a concurrent resend; unique `supersedes`: a
     * concurrent second correction of one version): the loser waits for the winner to commit and inserts nothing,
     * without aborting the batch's transaction.
     */
    async insertNew(rows: readonly SupportRecordsTable[], ex: Executor = db): Promise<Set<string>> {
      const inserted = new Set<string>();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        const res = await runRecordInsert(ex, chunk, () =>
          ex
            .insertInto('support_records')
            .values(chunk)
            .onConflict((oc) => oc.doNothing())
            .returning('id'),
        );
        for (const r of res) inserted.add(r.id);
      }
      return inserted;
    },

    async insertServices(rows: readonly { record_id: string; service_code: string }[], ex: Executor = db) {
      for (let i = 0; i < rows.length; i += SERVICES_CHUNK) {
        const chunk = rows.slice(i, i + SERVICES_CHUNK);
        await runServicesInsert(ex, chunk, () =>
          ex
            .insertInto('support_record_services')
            .values(chunk)
            .onConflict((oc) => oc.columns(['record_id', 'service_code']).doNothing()),
        );
      }
    },

    /**
     * PostgreSQL only: takes a transaction-scoped advisory lock per id (a record's id, or the id it corrects), in
     * one order for everyone (by lock number), so two transactions that name one id run one after the other and
     * the second's next statement sees what the first committed — under READ COMMITTED a record and its
     * correction stored concurrently would otherwise not see each other and stay unlinked. A hash collision only
     * serialises two unrelated calls.
     */
    async lockIds(ids: readonly string[], ex: Transaction<DB>) {
      if (ids.length === 0) return;
      await sql`select pg_advisory_xact_lock(k.h) from (
          select distinct hashtextextended(i, 0) as h from unnest(cast(${[...ids]} as text[])) as i order by h
        ) as k`.execute(ex);
    },

    /** Marks an active record as corrected by `byId`; a record already corrected or withdrawn stays as it is. */
    async markSuperseded(targetId: string, byId: string, ex: Executor = db) {
      await ex
        .updateTable('support_records')
        .set({ state: 'superseded', superseded_by: byId })
        .where('id', '=', targetId)
        .where('state', '=', 'active')
        .where('superseded_by', 'is', null)
        .execute();
    },

    findOne(id: string, ex: Executor = db): Promise<RecordRow | undefined> {
      return selectWithNames(ex).where('support_records.id', '=', id).executeTakeFirst();
    },

    /** Newest first, keyset-paged on (occurred_at, id). */
    list(opts: RecordListOptions, ex: Executor = db): Promise<RecordRow[]> {
      return this.listQuery(opts, ex).execute();
    },

    /**
     * The query of `list`, unexecuted: the query-plan tests compile it for every scope and filter. Every scope and
     * narrow filter has an index ending in (occurred_at, id) (migration 0009), so a page is a range read in order.
     */
    listQuery(opts: RecordListOptions, ex: Executor = db) {
      return selectWithNames(ex)
        .where(listConditions(opts))
        .orderBy('support_records.occurred_at', 'desc')
        .orderBy('support_records.id', 'desc')
        .limit(opts.limit);
    },

    /**
     * A page of the CSV export: the same rows and order as `list`, but only the columns the file carries and no
     * joins — the export names teams, hamlets and members from `namesOf`, once per id, not once per row.
     */
    exportPage(opts: RecordListOptions, ex: Executor = db): Promise<ExportRow[]> {
      return this.exportQuery(opts, ex).execute();
    },

    exportQuery(opts: RecordListOptions, ex: Executor = db) {
      return ex
        .selectFrom('support_records')
        .select(EXPORT_COLUMNS)
        .where(listConditions(opts))
        .orderBy('support_records.occurred_at', 'desc')
        .orderBy('support_records.id', 'desc')
        .limit(opts.limit);
    },

    /** Display names of teams, hamlets and team members by id (ids not found are left out). */
    async namesOf(
      ids: { teams: readonly string[]; hamlets: readonly string[]; members: readonly string[] },
      ex: Executor = db,
    ) {
      const [teamRows, hamletRows, memberRows] = await Promise.all([
        ids.teams.length === 0
          ? []
          : ex.selectFrom('teams').select(['id', 'name']).where('id', 'in', [...ids.teams]).execute(),
        ids.hamlets.length === 0
          ? []
          : ex.selectFrom('hamlets').select(['id', 'name']).where('id', 'in', [...ids.hamlets]).execute(),
        ids.members.length === 0
          ? []
          : ex.selectFrom('team_members').select(['id', 'name']).where('id', 'in', [...ids.members]).execute(),
      ]);
      return { teams: teamRows, hamlets: hamletRows, members: memberRows };
    },

    async retract(
      id: string,
      patch: { at: string; reason: string; by: string | null },
      ex: Executor = db,
    ): Promise<boolean> {
      const res = await ex
        .updateTable('support_records')
        .set({
          state: 'retracted',
          retracted_at: patch.at,
          retraction_reason: patch.reason,
          retracted_by: patch.by,
        })
        .where('id', '=', id)
        .where('state', '=', 'active')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    async review(
      ids: readonly string[],
      patch: { status: 'reviewed' | 'flagged'; at: string; by: string | null; note: string | null },
      ex: Executor = db,
    ) {
      if (ids.length === 0) return;
      await ex
        .updateTable('support_records')
        .set({
          review_status: patch.status,
          reviewed_at: patch.at,
          reviewed_by: patch.by,
          review_note: patch.note,
        })
        .where('id', 'in', [...ids])
        .execute();
    },

    /** The rows a team's statistics are computed from (a team logs a few hundred records a year). */
    statsRows(teamId: string, fromUtc: string, toUtc: string, ex: Executor = db) {
      return ex
        .selectFrom('support_records')
        .leftJoin('team_members', 'team_members.id', 'support_records.member_id')
        .select([
          'support_records.occurred_at',
          'support_records.services_json',
          'support_records.age_band',
          'support_records.gender',
          'support_records.member_id',
          'team_members.name as member_name',
        ])
        .where('support_records.team_id', '=', teamId)
        .where('support_records.state', '=', 'active')
        .where('support_records.occurred_at', '>=', fromUtc)
        .where('support_records.occurred_at', '<', toUtc)
        .execute();
    },
  };
}
export type SupportRecordsRepository = ReturnType<typeof createSupportRecordsRepository>;

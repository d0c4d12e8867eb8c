import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { placedInSubtrees, type Subtree } from '../../platform/auth/scope-sql';

/** The cases a statistic counts: inside the caller's scope, submitted in [fromUtc, toUtc), narrowed by the filters. */
export interface StatsFilter {
  scope: readonly Subtree[];
  fromUtc: string;
  toUtc: string;
  communeCode?: string;
  agencyId?: string;
  categoryCode?: string;
}

export interface ExportRow {
  id: string;
  code: string;
  kind: string;
  submitted_at: string;
  category_code: string;
  commune_code: string | null;
  agency_id: string | null;
  state: string;
  severity: string;
  accept_due_at: string;
  accepted_at: string | null;
  handle_due_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  rating: number | null;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * The statistics' SQL (issue 10): every figure is one aggregate over `cases` filtered in SQL by the caller's
 * grants (scope-sql.ts) and the query — counts grouped by a column, sums of on-time conditions over ISO-8601 text
 * (which compares as time on both databases), months as ranges computed by the caller (no date functions, which
 * differ between SQLite and PostgreSQL). Teams' proposals are not counted: they have their own summary.
 */
export function createCaseStatsRepository(db: Kysely<DB>) {
  function where(f: StatsFilter): Expression<SqlBool> {
    const parts: Expression<SqlBool>[] = [
      placedInSubtrees('cases', f.scope),
      sql<SqlBool>`cases.submitted_at >= ${f.fromUtc}`,
      sql<SqlBool>`cases.submitted_at < ${f.toUtc}`,
      sql<SqlBool>`cases.kind <> 'proposal'`,
    ];
    if (f.communeCode) parts.push(sql<SqlBool>`cases.commune_code = ${f.communeCode}`);
    if (f.agencyId) parts.push(sql<SqlBool>`cases.agency_id = ${f.agencyId}`);
    if (f.categoryCode) parts.push(sql<SqlBool>`cases.category_code = ${f.categoryCode}`);
    return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  }

  async function countBy(
    f: StatsFilter,
    column: 'state' | 'category_code' | 'agency_id' | 'commune_code' | 'rating',
  ) {
    const rows = await db
      .selectFrom('cases')
      .select([
        sql.ref<string | number | null>(`cases.${column}`).as('key'),
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      .where(where(f))
      .groupBy(`cases.${column}`)
      .execute();
    return rows.map((r) => ({ key: r.key, count: n(r.n) }));
  }

  return {
    countBy,

    /** Totals, open and overdue now, on-time counts and satisfaction in one pass. */
    async totals(f: StatsFilter, nowIso: string) {
      const row = await db
        .selectFrom('cases')
        .select([
          sql<string>`count(*)`.as('total'),
          sql<string>`sum(case when cases.state in ('submitted', 'accepted', 'assigned', 'in_progress') then 1 else 0 end)`.as(
            'open',
          ),
          sql<string>`sum(case when (cases.state = 'submitted' and cases.accept_due_at < ${nowIso})
            or (cases.state in ('accepted', 'assigned', 'in_progress') and cases.handle_due_at < ${nowIso}) then 1 else 0 end)`.as(
            'overdue_open',
          ),
          sql<string>`sum(case when cases.accepted_at is not null then 1 else 0 end)`.as('accept_done'),
          sql<string>`sum(case when cases.accepted_at is not null and cases.accepted_at <= cases.accept_due_at then 1 else 0 end)`.as(
            'accept_on_time',
          ),
          sql<string>`sum(case when cases.answered_at is not null and cases.handle_due_at is not null then 1 else 0 end)`.as(
            'answer_done',
          ),
          sql<string>`sum(case when cases.answered_at is not null and cases.answered_at <= cases.handle_due_at then 1 else 0 end)`.as(
            'answer_on_time',
          ),
          sql<string>`count(cases.rating)`.as('rated'),
          sql<string | number | null>`avg(cases.rating * 1.0)`.as('mean_rating'),
        ])
        .where(where(f))
        .executeTakeFirstOrThrow();
      return {
        total: n(row.total),
        open: n(row.open),
        overdueOpen: n(row.overdue_open),
        acceptDone: n(row.accept_done),
        acceptOnTime: n(row.accept_on_time),
        answerDone: n(row.answer_done),
        answerOnTime: n(row.answer_on_time),
        rated: n(row.rated),
        meanRating: row.mean_rating === null ? null : Number(row.mean_rating),
      };
    },

    /** Submitted and (of those) answered per month; `months` are [label, startUtc, endUtc) ranges in order. */
    async byMonth(f: StatsFilter, months: readonly (readonly [string, string, string])[]) {
      if (months.length === 0) return [];
      const bucket = sql<string>`case ${sql.join(
        months.map(
          ([label, start, end]) =>
            sql`when cases.submitted_at >= ${start} and cases.submitted_at < ${end} then ${label}`,
        ),
        sql` `,
      )} end`;
      const rows = await db
        .selectFrom('cases')
        .select([
          bucket.as('month'),
          sql<string>`count(*)`.as('submitted'),
          sql<string>`sum(case when cases.answered_at is not null then 1 else 0 end)`.as('answered'),
        ])
        .where(where(f))
        // By position: PostgreSQL would not see the bound CASE of the select list as the group's expression.
        .groupBy(sql`1`)
        .execute();
      return rows.map((r) => ({ month: r.month, submitted: n(r.submitted), answered: n(r.answered) }));
    },

    /** The two instants of each step done (submitted → accepted, accepted → answered), for working-time medians. */
    async stepTimes(f: StatsFilter, step: 'accept' | 'answer'): Promise<{ start: string; end: string }[]> {
      const [start, end] =
        step === 'accept'
          ? (['submitted_at', 'accepted_at'] as const)
          : (['accepted_at', 'answered_at'] as const);
      const rows = await db
        .selectFrom('cases')
        .select([sql.ref<string>(`cases.${start}`).as('start'), sql.ref<string>(`cases.${end}`).as('end')])
        .where(where(f))
        .where(sql.ref(`cases.${start}`), 'is not', null)
        .where(sql.ref(`cases.${end}`), 'is not', null)
        .execute();
      return rows;
    },

    /** A page of the export in (submitted_at, id) order after `after`: keyset paging, so a page costs the same anywhere. */
    async exportPage(
      f: StatsFilter,
      after: readonly [string, string] | null,
      limit: number,
    ): Promise<ExportRow[]> {
      let query = db
        .selectFrom('cases')
        .select([
          'cases.id',
          'cases.code',
          'cases.kind',
          'cases.submitted_at',
          'cases.category_code',
          'cases.commune_code',
          'cases.agency_id',
          'cases.state',
          'cases.severity',
          'cases.accept_due_at',
          'cases.accepted_at',
          'cases.handle_due_at',
          'cases.answered_at',
          'cases.closed_at',
          'cases.rating',
        ])
        .where(where(f));
      if (after) {
        const [at, id] = after;
        query = query.where(
          sql<SqlBool>`(cases.submitted_at > ${at} or (cases.submitted_at = ${at} and cases.id > ${id}))`,
        );
      }
      return query.orderBy('cases.submitted_at').orderBy('cases.id').limit(limit).execute() as Promise<
        ExportRow[]
      >;
    },

    async categoryNames(provinceCodes: readonly string[]): Promise<Map<string, string>> {
      if (provinceCodes.length === 0) return new Map();
      const rows = await db
        .selectFrom('case_categories')
        .select(['code', 'name_vi'])
        .where('province_code', 'in', [...provinceCodes])
        .execute();
      return new Map(rows.map((r) => [r.code, r.name_vi]));
    },

    async agencyNames(ids: readonly string[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return new Map();
      const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', wanted).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async communeNames(codes: readonly string[]): Promise<Map<string, string>> {
      const wanted = [...new Set(codes)];
      if (wanted.length === 0) return new Map();
      const rows = await db
        .selectFrom('units')
        .select(['code', 'full_name'])
        .where('level', '=', 'commune')
        .where('valid_to', 'is', null)
        .where('code', 'in', wanted)
        .execute();
      return new Map(rows.map((r) => [r.code, r.full_name]));
    },
  };
}
export type CaseStatsRepository = ReturnType<typeof createCaseStatsRepository>;

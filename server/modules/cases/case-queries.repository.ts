import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { OPEN_CASE_STATES, type CaseState } from '../../../shared/rules/case-workflow';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';

/**
 * The public reads over many cases (issue 10): the list, the map's grid clusters and the duplicate suggestions.
 * Every one is published, not hidden, in the deployment's province, a report or a petition — and reads an index
 * range of migration 0018 (cases_province_idx / cases_commune_idx for newest-first pages, cases_geo_idx for the
 * box), guarded by case-queries.plan.test.ts on both databases. Kysely only.
 */

export interface PublicCaseFilter {
  provinceCode: string;
  category?: string | undefined;
  commune?: string | undefined;
  /** 'open' (still worked on), 'closed' (anything else) or one state. */
  status?: 'open' | 'closed' | CaseState | undefined;
  kind?: 'report' | 'petition' | undefined;
  /** UTC instants: submitted at or after `fromIso`, before `toIso`. */
  fromIso?: string | undefined;
  toIso?: string | undefined;
  bbox?: [west: number, south: number, east: number, north: number] | undefined;
}

const CLOSED_STATES: CaseState[] = ['answered', 'closed', 'refused', 'merged'];
/** What the public sees, in the literals of the partial index cases_map_idx (migration 0018). */
const PUBLIC_CASE = sql<SqlBool>`cases.published_at is not null and cases.hidden = 0`;
/**
 * The overview's cell sizes (case_map_cells.cell, in thousandths of a degree): about 220 m, 1.1, 4.4 and 9 km. Each
 * zoom merges the largest size no larger than its own grid cell: 220 m cells serve zooms 13–14 (a commune or a
 * ward on a screen) from a few hundred rows instead of grouping every case in the box (4–17 ms a view at 100,000
 * reports); 4.4 km cells serve zoom 10 (a province on a screen). Each size costs the refresh one grouping pass.
 */
export const OVERVIEW_CELLS = [2, 10, 40, 80] as const;
/** The unit of OVERVIEW_CELLS and case_map_cells.cell: thousandths of a degree. */
export const OVERVIEW_UNIT = 1000;
/** A map never draws more than this many clusters: the cell grows instead (see cellSizeFor). */
export const MAX_MAP_CLUSTERS = 2000;

export const LIST_COLUMNS = [
  'cases.id',
  'cases.code',
  'cases.kind',
  'cases.category_code',
  'cases.title',
  'cases.state',
  'cases.commune_code',
  'cases.lat',
  'cases.lng',
  'cases.submitted_at',
  'cases.supporters',
] as const;

function applyFilter<O>(
  qb: SelectQueryBuilder<DB, 'cases', O>,
  f: PublicCaseFilter,
): SelectQueryBuilder<DB, 'cases', O> {
  let q = qb
    .where('cases.province_code', '=', f.provinceCode)
    .where(PUBLIC_CASE)
    .where('cases.kind', 'in', f.kind ? [f.kind] : ['report', 'petition']);
  if (f.category) q = q.where('cases.category_code', '=', f.category);
  if (f.commune) q = q.where('cases.commune_code', '=', f.commune);
  if (f.status === 'open') q = q.where('cases.state', 'in', [...OPEN_CASE_STATES]);
  else if (f.status === 'closed') q = q.where('cases.state', 'in', CLOSED_STATES);
  else if (f.status) q = q.where('cases.state', '=', f.status);
  if (f.fromIso) q = q.where('cases.submitted_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('cases.submitted_at', '<', f.toIso);
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    q = q
      .where('cases.lat', '>=', s)
      .where('cases.lat', '<=', n)
      .where('cases.lng', '>=', w)
      .where('cases.lng', '<=', e);
  }
  return q;
}

/** Grid cell (degrees) for a zoom: about 32 screen pixels of a 256-pixel tile. */
export function cellSizeFor(zoom: number): number {
  return 360 / 2 ** zoom / 8;
}

/**
 * The builders of the public queries, apart so the plan test can read each one's plan (case-queries.plan.test.ts).
 */
export function publicCaseQueries(db: Kysely<DB>, dialect: Dialect) {
  // PostgreSQL rounds when casting to integer; SQLite truncates. Both floor a non-negative offset this way.
  const cellOf = (column: 'lat' | 'lng', origin: number, cell: number) =>
    dialect === 'postgres'
      ? sql<number>`floor((${sql.ref(`cases.${column}`)} - ${origin}) / ${cell})`
      : sql<number>`cast((${sql.ref(`cases.${column}`)} - ${origin}) / ${cell} as integer)`;
  return {
    /** Newest first, keyset-paged on (submitted_at, id); reads `limit + 1` rows to know whether more follow. */
    list(f: PublicCaseFilter, after: { at: string; id: string } | null, limit: number) {
      const page = <O>(qb: SelectQueryBuilder<DB, 'cases', O>) => {
        let q = applyFilter(qb, f);
        if (after) {
          // A row-value comparison: both databases read it as one range on (…, submitted_at, id), still in order.
          q = q.where(sql<SqlBool>`(cases.submitted_at, cases.id) < (${after.at}, ${after.id})`);
        }
        return q
          .orderBy('cases.submitted_at', 'desc')
          .orderBy('cases.id', 'desc')
          .limit(limit + 1);
      };
      if (!f.bbox) return page(db.selectFrom('cases').select([...LIST_COLUMNS]));
      // A box: the page's ids come from the covering index cases_map_list_idx (every filter column and submitted_at are
      // in it), then only those rows are read — not every row of the box to sort them.
      return db
        .selectFrom('cases')
        .select([...LIST_COLUMNS])
        .where('cases.id', 'in', page(db.selectFrom('cases').select('cases.id')))
        .orderBy('cases.submitted_at', 'desc')
        .orderBy('cases.id', 'desc');
    },
    /**
     * Grid clusters of a box: one row per occupied cell with its count and mean position; a one-case cell's min()
     * columns are that case's own values, which is how a single marker gets its id and code without a second query.
     */
    clusters(f: PublicCaseFilter & { bbox: [number, number, number, number] }, zoom: number) {
      const [w, s, e, n] = f.bbox;
      let cell = cellSizeFor(zoom);
      while (((e - w) / cell) * ((n - s) / cell) > MAX_MAP_CLUSTERS * 4) cell *= 2;
      return applyFilter(
        db
          .selectFrom('cases')
          .select((eb) => [
            eb.fn.countAll<number>().as('n'),
            eb.fn.avg<number>('cases.lat').as('lat'),
            eb.fn.avg<number>('cases.lng').as('lng'),
            eb.fn.min('cases.id').as('id'),
            eb.fn.min('cases.code').as('code'),
            eb.fn.min('cases.state').as('state'),
            eb.fn.min('cases.category_code').as('category_code'),
          ]),
        f,
      )
        .where('cases.lat', 'is not', null)
        .groupBy([cellOf('lng', w, cell), cellOf('lat', s, cell)])
        .limit(MAX_MAP_CLUSTERS);
    },
    /**
     * What the overview has not counted yet: the province's cases published after its rebuild — a handful, read
     * through cases_published_idx (migration 0023); the caller keeps those in its box. So a report shows on the map
     * as soon as it is filed, not a minute later.
     */
    publishedSince(provinceCode: string, sinceIso: string) {
      return applyFilter(db.selectFrom('cases').select([...LIST_COLUMNS]), { provinceCode })
        .where('cases.published_at', '>', sinceIso)
        .where('cases.lat', 'is not', null)
        .limit(MAX_MAP_CLUSTERS);
    },
    /** Candidates for "is this already reported?": same category, in a box around the point, recent, still live. */
    nearby(f: {
      provinceCode: string;
      category: string;
      box: [number, number, number, number];
      sinceIso: string;
    }) {
      return applyFilter(db.selectFrom('cases').select([...LIST_COLUMNS]), {
        provinceCode: f.provinceCode,
        category: f.category,
        bbox: f.box,
        fromIso: f.sinceIso,
      })
        .where('cases.state', 'in', [...OPEN_CASE_STATES, 'answered'])
        .limit(200);
    },
  };
}

/** How long a commune's name is kept in the process (see communeNames). */
const COMMUNE_NAMES_TTL_MS = 10 * 60_000;

export function createCaseQueriesRepository(db: Kysely<DB>, dialect: Dialect) {
  const q = publicCaseQueries(db, dialect);
  const communeNames = new Map<string, { name: string | null; at: number }>();
  // Offsets keep the operand positive, so SQLite's truncating cast floors like PostgreSQL's floor(). Literals, not
  // parameters: PostgreSQL matches a selected expression to its GROUP BY only when both are the same text.
  const absoluteCell = (column: 'lat' | 'lng', size: number) => {
    const origin = sql.lit(column === 'lat' ? 90 : 180);
    const ref = sql.ref(`cases.${column}`);
    return dialect === 'postgres'
      ? sql<number>`floor((${ref} + ${origin}) / ${sql.lit(size)})`
      : sql<number>`cast((${ref} + ${origin}) / ${sql.lit(size)} as integer)`;
  };
  return {
    /**
     * Rebuilds the map overview of every province from the cases (one transaction: readers see the old cells or the
     * new ones). A few hundred milliseconds at 100,000 cases, once a minute.
     */
    refreshOverview: async (at: string) => {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('case_map_cells').execute();
        for (const thousandths of OVERVIEW_CELLS) {
          const size = thousandths / OVERVIEW_UNIT;
          await trx
            .insertInto('case_map_cells')
            .columns([
              'province_code',
              'cell',
              'gy',
              'gx',
              'n',
              'sum_lat',
              'sum_lng',
              'one_id',
              'one_code',
              'one_state',
              'one_category',
              'refreshed_at',
            ])
            .expression((eb) =>
              eb
                .selectFrom('cases')
                .select((s) => [
                  'cases.province_code',
                  sql<number>`${sql.lit(thousandths)}`.as('cell'),
                  absoluteCell('lat', size).as('gy'),
                  absoluteCell('lng', size).as('gx'),
                  s.fn.countAll<number>().as('n'),
                  s.fn.sum<number>('cases.lat').as('sum_lat'),
                  s.fn.sum<number>('cases.lng').as('sum_lng'),
                  s.fn.min('cases.id').as('one_id'),
                  s.fn.min('cases.code').as('one_code'),
                  s.fn.min('cases.state').as('one_state'),
                  s.fn.min('cases.category_code').as('one_category'),
                  sql<string>`${at}`.as('refreshed_at'),
                ])
                .where(PUBLIC_CASE)
                .where('cases.kind', 'in', ['report', 'petition'])
                .where('cases.lat', 'is not', null)
                .where('cases.lng', 'is not', null)
                .groupBy(['cases.province_code', absoluteCell('lat', size), absoluteCell('lng', size)]),
            )
            .execute();
        }
      });
    },
    /** The overview cells in a box (primary-key range on gy). */
    overviewCells: (
      provinceCode: string,
      thousandths: (typeof OVERVIEW_CELLS)[number],
      bbox: [number, number, number, number],
    ) => {
      const [w, s, e, n] = bbox;
      const size = thousandths / OVERVIEW_UNIT;
      return db
        .selectFrom('case_map_cells')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('cell', '=', thousandths)
        .where('gy', '>=', Math.floor((s + 90) / size))
        .where('gy', '<=', Math.floor((n + 90) / size))
        .where('gx', '>=', Math.floor((w + 180) / size))
        .where('gx', '<=', Math.floor((e + 180) / size))
        .execute();
    },
    list: (f: PublicCaseFilter, after: { at: string; id: string } | null, limit: number) =>
      q.list(f, after, limit).execute(),
    clusters: async (f: PublicCaseFilter & { bbox: [number, number, number, number] }, zoom: number) =>
      (await q.clusters(f, zoom).execute()).map((r) => ({
        ...r,
        n: Number(r.n),
        lat: Number(r.lat),
        lng: Number(r.lng),
      })),
    nearby: (f: Parameters<typeof q.nearby>[0]) => q.nearby(f).execute(),
    publishedSince: (provinceCode: string, sinceIso: string) =>
      q.publishedSince(provinceCode, sinceIso).execute(),
    /** When the overview was last rebuilt (one transaction writes every cell with the same time), or null: never. */
    overviewRefreshedAt: async (provinceCode: string) =>
      (
        await db
          .selectFrom('case_map_cells')
          .select('refreshed_at')
          .where('province_code', '=', provinceCode)
          .limit(1)
          .executeTakeFirst()
      )?.refreshed_at ?? null,
    categoryNames: async (provinceCode: string) =>
      new Map(
        (
          await db
            .selectFrom('case_categories')
            .select(['code', 'name_vi'])
            .where('province_code', '=', provinceCode)
            .execute()
        ).map((r) => [r.code, r.name_vi]),
      ),
    /**
     * Communes' names for a page of cases, kept in the process for COMMUNE_NAMES_TTL_MS: they change only when the
     * official units are imported again, and every public list page would otherwise ask for them (a round trip on
     * PostgreSQL per page). A code without a current commune is remembered as such too.
     */
    communeNames: async (codes: readonly string[]) => {
      const now = Date.now();
      const missing = codes.filter((c) => {
        const hit = communeNames.get(c);
        return !hit || now - hit.at >= COMMUNE_NAMES_TTL_MS;
      });
      if (missing.length > 0) {
        const rows = await db
          .selectFrom('units')
          .select(['code', 'full_name'])
          .where('level', '=', 'commune')
          .where('code', 'in', missing)
          .where('valid_to', 'is', null)
          .execute();
        const found = new Map(rows.map((r) => [r.code, r.full_name]));
        for (const c of missing) communeNames.set(c, { name: found.get(c) ?? null, at: now });
      }
      const names = new Map<string, string>();
      for (const c of codes) {
        const name = communeNames.get(c)?.name;
        if (name) names.set(c, name);
      }
      return names;
    },
    /** The first visible photo of each case (its thumbnail in lists). */
    firstPhotos: async (caseIds: readonly string[]) => {
      if (caseIds.length === 0) return new Map<string, string>();
      const rows = await db
        .selectFrom('case_files')
        .select(['case_id', 'id'])
        .where('case_id', 'in', [...caseIds])
        .where('update_id', 'is', null)
        .where('hidden', '=', 0)
        .orderBy('case_id')
        .orderBy('position')
        .execute();
      const first = new Map<string, string>();
      for (const r of rows) if (!first.has(r.case_id)) first.set(r.case_id, r.id);
      return first;
    },
  };
}
export type CaseQueriesRepository = ReturnType<typeof createCaseQueriesRepository>;

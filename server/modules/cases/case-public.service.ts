import type { z } from 'zod';
import {
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_DAYS,
  type CaseCategory,
  type CaseMapQuerySchema,
  type PublicCase,
  type PublicCaseQuerySchema,
} from '../../../shared/contracts/cases';
import type { Page } from '../../../shared/contracts/paging';
import type { CategoryAttribute } from '../../../shared/rules/case-categories';
import { deadlineStatus, type CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import { isOpenState } from '../../../shared/rules/case-workflow';
import { endOfLocalDayUtc, startOfLocalDayUtc } from '../../../shared/time/vietnam-time';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import type { FileStorage } from '../../platform/files/index';
import { readCursor, pageFromRows } from '../../platform/paging';
import { mayRead as mayReadCase } from './cases.policy';
import {
  cellSizeFor,
  OVERVIEW_CELLS,
  OVERVIEW_UNIT,
  type CaseQueriesRepository,
  type PublicCaseFilter,
} from './case-queries.repository';
import { presentPublicCase, presentPublicItem } from './case.presenter';
import type { CaseRow, CasesRepository } from './cases.repository';

type PublicCaseQuery = z.infer<typeof PublicCaseQuerySchema>;
type CaseMapQuery = z.infer<typeof CaseMapQuerySchema>;

const NOT_FOUND = () =>
  notFound('This report does not exist or is not public.', 'Phản ánh không tồn tại hoặc không công khai.');

/** Metres between two points (haversine). */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/**
 * The public side of the case engine (issue 10): categories, a case's tracking page, the list, the map and the
 * duplicate suggestions, and the photos. Read-only; hidden cases are not found, and a case's text, place and photos
 * wait for its publication.
 */
export function createCasePublicService(deps: {
  cases: CasesRepository;
  queries: CaseQueriesRepository;
  clock: Clock;
  provinceCode: string;
  storage: FileStorage;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
  /** The configured tile template (MAP_TILE_URL); null: the map draws the province's and communes' boundaries only. */
  tileUrl: string | null;
}) {
  const { cases, queries, clock, provinceCode } = deps;

  async function listCategories(
    kind?: 'report' | 'petition' | 'proposal',
  ): Promise<{ items: CaseCategory[]; provinceCode: string; tileUrl: string | null }> {
    const rows = await cases.listCategories(provinceCode);
    const items = rows
      .map((r) => ({ r, kinds: JSON.parse(r.kinds_json) as CaseCategory['kinds'] }))
      // Citizens are never offered the teams' proposal themes unless they are asked for.
      .filter(({ kinds }) => (kind ? kinds.includes(kind) : kinds.some((k) => k !== 'proposal')))
      .map(({ r, kinds }) => ({
        code: r.code,
        name: r.name_vi,
        nameEn: r.name_en,
        description: r.description_vi,
        descriptionEn: r.description_en,
        group: r.group_code,
        kinds,
        isOther: r.is_other === 1,
        attributes: (JSON.parse(r.attributes_json) as CategoryAttribute[]).map((a) => ({
          code: a.code,
          datatype: a.datatype,
          required: a.required,
          description: a.descriptionVi,
          descriptionEn: a.descriptionEn,
          ...(a.values
            ? { values: a.values.map((v) => ({ key: v.key, name: v.nameVi, nameEn: v.nameEn })) }
            : {}),
        })),
      }));
    return { items, provinceCode, tileUrl: deps.tileUrl };
  }

  async function present(row: CaseRow | undefined): Promise<PublicCase> {
    // Hidden cases and teams' proposals are never public; a proposal is read by its team and the Youth Union.
    if (!row || row.hidden === 1 || row.kind === 'proposal') throw NOT_FOUND();
    const now = clock.now();
    const [categories, communeName, agencyName, mergedIntoCode, files, timeline] = await Promise.all([
      queries.categoryNames(row.province_code),
      cases.communeName(row.commune_code),
      cases.agencyName(row.agency_id),
      row.merged_into_id ? cases.findCodeOf(row.merged_into_id) : Promise.resolve(null),
      cases.listFiles([row.id]),
      cases.listPublicUpdates(row.id),
    ]);
    let status: PublicCase['deadlineStatus'] = null;
    const due = row.state === 'submitted' ? row.accept_due_at : row.handle_due_at;
    if (isOpenState(row.state) && due) {
      const [calendar, policy] = await Promise.all([
        deps.calendarFor(row.province_code),
        deps.deadlinesFor(row.province_code),
      ]);
      status = deadlineStatus(calendar, policy, new Date(due), now);
    }
    return presentPublicCase(row, {
      categoryName: categories.get(row.category_code),
      communeName,
      agencyName,
      mergedIntoCode,
      files,
      timeline,
      deadlineStatus: status,
      now,
    });
  }

  function filterOf(q: Omit<PublicCaseQuery, 'limit' | 'cursor'>): PublicCaseFilter {
    return {
      provinceCode,
      category: q.category,
      commune: q.commune,
      status: q.status,
      kind: q.kind,
      fromIso: q.from ? startOfLocalDayUtc(q.from) : undefined,
      toIso: q.to ? endOfLocalDayUtc(q.to) : undefined,
      bbox: q.bbox,
    };
  }

  async function itemsOf(rows: Awaited<ReturnType<CaseQueriesRepository['list']>>) {
    const [categories, communes, photos] = await Promise.all([
      queries.categoryNames(provinceCode),
      queries.communeNames([
        ...new Set(rows.map((r) => r.commune_code).filter((c): c is string => c !== null)),
      ]),
      queries.firstPhotos(rows.map((r) => r.id)),
    ]);
    return (r: (typeof rows)[number], distance?: number) =>
      presentPublicItem(
        r,
        {
          category: categories.get(r.category_code),
          commune: r.commune_code ? communes.get(r.commune_code) : null,
          thumbFileId: photos.get(r.id),
        },
        distance,
      );
  }

  async function list(q: PublicCaseQuery): Promise<Page<ReturnType<typeof presentPublicItem>>> {
    const after = readCursor(q.cursor, ['string', 'string'] as const);
    const rows = await queries.list(filterOf(q), after ? { at: after[0], id: after[1] } : null, q.limit);
    const present = await itemsOf(rows.slice(0, q.limit));
    return pageFromRows(
      rows,
      q.limit,
      (r) => [r.submitted_at, r.id],
      (r) => present(r),
    );
  }

  /**
   * A wide view with no filter reads the overview (case_map_cells, at most a minute old) and merges its cells
   * into the zoom's grid; a close view, or any filter, groups the live cases of the box through cases_map_idx.
   */
  async function map(q: CaseMapQuery) {
    const unfiltered = !q.category && !q.commune && !q.status && !q.kind && !q.from && !q.to;
    const cell = cellSizeFor(q.zoom);
    // An overview cell no larger than the zoom's cell: merged by their centres, the clusters stay where they are.
    const overview = [...OVERVIEW_CELLS].reverse().find((size) => cell >= size / OVERVIEW_UNIT);
    const fromOverview =
      unfiltered && overview !== undefined ? await mapFromOverview(q.bbox, overview, cell) : null;
    if (fromOverview) return fromOverview;
    const clusters = await queries.clusters({ ...filterOf(q), bbox: q.bbox }, q.zoom);
    return {
      clusters: clusters.map((c) =>
        c.n === 1
          ? {
              lat: c.lat,
              lng: c.lng,
              count: 1,
              id: c.id!,
              code: c.code!,
              state: c.state!,
              categoryCode: c.category_code!,
            }
          : { lat: c.lat, lng: c.lng, count: c.n },
      ),
      total: clusters.reduce((sum, c) => sum + c.n, 0),
    };
  }

  async function mapFromOverview(
    bbox: [number, number, number, number],
    thousandths: (typeof OVERVIEW_CELLS)[number],
    cell: number,
  ) {
    const [w, s, e, n] = bbox;
    const groups = new Map<
      string,
      {
        n: number;
        lat: number;
        lng: number;
        one: Pick<(typeof cells)[number], 'one_id' | 'one_code' | 'one_state' | 'one_category'>;
      }
    >();
    const cells = await queries.overviewCells(provinceCode, thousandths, bbox);
    // Cases published since the rebuild join as one-case cells (none counted twice: the rebuild came before their
    // publication); the box test below keeps those inside it. Never rebuilt yet: the live cases, grouped.
    const since = cells[0]?.refreshed_at ?? (await queries.overviewRefreshedAt(provinceCode));
    if (since === null) return null;
    const fresh = (await queries.publishedSince(provinceCode, since)).map((r) => ({
      n: 1,
      sum_lat: r.lat!,
      sum_lng: r.lng!,
      one_id: r.id,
      one_code: r.code,
      one_state: r.state,
      one_category: r.category_code,
    }));
    for (const c of [...cells, ...fresh]) {
      const lat = c.sum_lat / c.n;
      const lng = c.sum_lng / c.n;
      if (lat < s || lat > n || lng < w || lng > e) continue;
      const key = `${Math.floor((lng - w) / cell)}:${Math.floor((lat - s) / cell)}`;
      const g = groups.get(key);
      if (g) {
        g.n += c.n;
        g.lat += c.sum_lat;
        g.lng += c.sum_lng;
      } else groups.set(key, { n: c.n, lat: c.sum_lat, lng: c.sum_lng, one: c });
    }
    const clusters = [...groups.values()].map((g) =>
      g.n === 1
        ? {
            lat: g.lat,
            lng: g.lng,
            count: 1,
            id: g.one.one_id,
            code: g.one.one_code,
            state: g.one.one_state,
            categoryCode: g.one.one_category,
          }
        : { lat: g.lat / g.n, lng: g.lng / g.n, count: g.n },
    );
    return { clusters, total: clusters.reduce((sum, c) => sum + c.count, 0) };
  }

  /** Likely duplicates while reporting: same category, within 200 m, last 30 days, still live; nearest first, ≤ 5. */
  async function duplicates(q: { category: string; lat: number; lng: number }) {
    const dLat = DUPLICATE_RADIUS_M / 110_574;
    const dLng = DUPLICATE_RADIUS_M / (111_320 * Math.max(0.01, Math.cos((q.lat * Math.PI) / 180)));
    const since = new Date(clock.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
    const rows = await queries.nearby({
      provinceCode,
      category: q.category,
      box: [q.lng - dLng, q.lat - dLat, q.lng + dLng, q.lat + dLat],
      sinceIso: since,
    });
    const near = rows
      .map((r) => ({ r, m: distanceM(q.lat, q.lng, r.lat!, r.lng!) }))
      .filter((x) => x.m <= DUPLICATE_RADIUS_M)
      .sort((a, b) => a.m - b.m)
      .slice(0, 5);
    const present = await itemsOf(near.map((x) => x.r));
    return { items: near.map((x) => present(x.r, x.m)) };
  }

  /**
   * A photo's bytes and whether it may be cached publicly: public when its case is published and neither it nor
   * its update is hidden; otherwise only for staff who receive or handle cases where the case is placed.
   */
  async function photo(actor: Actor, fileId: string, variant: 'display' | 'thumb') {
    const f = await cases.findFile(fileId);
    if (!f) throw notFound();
    const isPublic =
      f.published_at !== null &&
      f.case_hidden === 0 &&
      f.hidden === 0 &&
      (f.update_id === null || (f.update_public === 1 && f.update_hidden === 0));
    if (!isPublic) {
      // Staff who may read the case (cases.policy.ts: receivers where it sits, the agency it is assigned to).
      if (!mayReadCase(actor, f)) throw notFound();
    }
    const stored = await deps.storage.get(variant === 'display' ? f.display_key : f.thumb_key);
    if (!stored) throw notFound();
    return { bytes: stored.bytes, isPublic };
  }

  return {
    listCategories,
    getById: async (id: string) => present(await cases.findById(id)),
    getByCode: async (code: string) => present(await cases.findByCode(code)),
    list,
    map,
    duplicates,
    photo,
  };
}
export type CasePublicService = ReturnType<typeof createCasePublicService>;

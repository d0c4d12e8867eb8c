import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Open311's reads over the case tables (migration 0018). Public by construction: no query here selects a reporter
 * column (name, phone, e-mail, their hashes, the token), hidden cases and hidden entries are left out, and teams'
 * proposals are not Open311 requests. The description and photos of a case that is not published yet (waiting for
 * acceptance or moderation) are withheld, as on the public pages.
 */

export interface Open311CategoryRow {
  code: string;
  name_vi: string;
  description_vi: string;
  group_code: string;
  keywords: string;
  kinds_json: string;
  attributes_json: string;
}

export interface Open311RequestRow {
  id: string;
  code: string;
  state: string;
  category_code: string;
  category_name: string | null;
  public_description: string;
  published_at: string | null;
  agency_name: string | null;
  address_text: string | null;
  lat: number | null;
  lng: number | null;
  media_url: string | null;
  submitted_at: string;
  updated_at: string;
  accept_due_at: string;
  handle_due_at: string | null;
  status_notes: string | null;
  photo_id: string | null;
}

export interface Open311UpdateRow {
  id: string;
  case_code: string;
  kind: string;
  action: string | null;
  to_state: string | null;
  body: string;
  created_at: string;
  case_state: string;
  /** 1 when the case was refused as not the province's to handle (NOT_COUNCILS_RESPONSIBILITY). */
  refused_not_competent: number;
  /** The state the case was in when a plain public update was written (the last transition before it). */
  state_then: string | null;
  photo_id: string | null;
}

export interface RequestFilter {
  provinceCode: string;
  serviceCode?: string;
  /** UTC ISO bounds on requested_datetime (submitted_at), inclusive. */
  start?: string;
  end?: string;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
}

const OPEN_STATES = ['submitted', 'accepted', 'assigned', 'in_progress'] as const;
/** Kinds of timeline entries a client polls: state changes and handlers' public updates (not citizens' comments). */
const FEED_KINDS = ['transition', 'public_update'] as const;

export function createOpen311Repository(db: Kysely<DB>) {
  function requestColumns(qb: SelectQueryBuilder<DB, 'cases', object>) {
    return qb
      .leftJoin('agencies', 'agencies.id', 'cases.agency_id')
      .leftJoin('case_categories', (j) =>
        j
          .onRef('case_categories.province_code', '=', 'cases.province_code')
          .onRef('case_categories.code', '=', 'cases.category_code'),
      )
      .select([
        'cases.id',
        'cases.code',
        'cases.state',
        'cases.category_code',
        'case_categories.name_vi as category_name',
        'cases.public_description',
        'cases.published_at',
        'agencies.name as agency_name',
        'cases.address_text',
        'cases.lat',
        'cases.lng',
        'cases.media_url',
        'cases.submitted_at',
        'cases.updated_at',
        'cases.accept_due_at',
        'cases.handle_due_at',
      ])
      .select((eb) => [
        // One index probe per case (case_updates_case_idx, case_files_case_idx), not a scan of the timeline.
        eb
          .selectFrom('case_updates as u')
          .select('u.body')
          .whereRef('u.case_id', '=', 'cases.id')
          .where('u.public', '=', 1)
          .where('u.hidden', '=', 0)
          .where('u.kind', 'in', FEED_KINDS)
          .where('u.body', '<>', '')
          .orderBy('u.created_at', 'desc')
          .orderBy('u.id', 'desc')
          .limit(1)
          .as('status_notes'),
        eb
          .selectFrom('case_files as f')
          .select('f.id')
          .whereRef('f.case_id', '=', 'cases.id')
          .where('f.update_id', 'is', null)
          .where('f.hidden', '=', 0)
          .orderBy('f.position')
          .limit(1)
          .as('photo_id'),
      ])
      .where('cases.hidden', '=', 0)
      .where('cases.kind', '<>', 'proposal');
  }

  return {
    /** The province's active citizen categories in their order: one Open311 service each. */
    async listCategories(provinceCode: string): Promise<Open311CategoryRow[]> {
      const rows = await db
        .selectFrom('case_categories')
        .select([
          'code',
          'name_vi',
          'description_vi',
          'group_code',
          'keywords',
          'kinds_json',
          'attributes_json',
        ])
        .where('province_code', '=', provinceCode)
        .where('active', '=', 1)
        .orderBy('sort_order')
        .orderBy('code')
        .execute();
      return rows.filter((r) => servesCitizens(r.kinds_json));
    },

    async getCategory(provinceCode: string, code: string): Promise<Open311CategoryRow | undefined> {
      const row = await db
        .selectFrom('case_categories')
        .select([
          'code',
          'name_vi',
          'description_vi',
          'group_code',
          'keywords',
          'kinds_json',
          'attributes_json',
        ])
        .where('province_code', '=', provinceCode)
        .where('code', '=', code)
        .where('active', '=', 1)
        .executeTakeFirst();
      return row && servesCitizens(row.kinds_json) ? row : undefined;
    },

    /** Newest first (cases_province_idx / cases_category_idx), bounded by the caller's limit. */
    async listRequests(f: RequestFilter): Promise<Open311RequestRow[]> {
      let q = requestColumns(db.selectFrom('cases')).where('cases.province_code', '=', f.provinceCode);
      if (f.serviceCode !== undefined) q = q.where('cases.category_code', '=', f.serviceCode);
      if (f.start !== undefined) q = q.where('cases.submitted_at', '>=', f.start);
      if (f.end !== undefined) q = q.where('cases.submitted_at', '<=', f.end);
      if (f.status === 'open') q = q.where('cases.state', 'in', OPEN_STATES);
      if (f.status === 'closed') q = q.where('cases.state', 'not in', OPEN_STATES);
      const rows = await q
        .orderBy('cases.submitted_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return rows as Open311RequestRow[];
    },

    /** Cases by tracking code or id, in the province; unknown references are simply absent. */
    async requestsByRefs(provinceCode: string, refs: readonly string[]): Promise<Open311RequestRow[]> {
      if (refs.length === 0) return [];
      const rows = await requestColumns(db.selectFrom('cases'))
        .where('cases.province_code', '=', provinceCode)
        .where((eb) => eb.or([eb('cases.code', 'in', refs), eb('cases.id', 'in', refs)]))
        .orderBy('cases.submitted_at', 'desc')
        .orderBy('cases.id', 'desc')
        .execute();
      return rows as Open311RequestRow[];
    },

    /** Public state changes and updates written in [start, end], oldest first (case_updates_feed_idx). */
    async listUpdates(f: {
      provinceCode: string;
      start: string;
      end: string;
      limit: number;
      offset: number;
    }): Promise<Open311UpdateRow[]> {
      const rows = await db
        .selectFrom('case_updates as u')
        .innerJoin('cases as c', 'c.id', 'u.case_id')
        .select([
          'u.id',
          'c.code as case_code',
          'u.kind',
          'u.action',
          'u.to_state',
          'u.body',
          'u.created_at',
          'c.state as case_state',
          'c.refused_not_competent',
        ])
        .select((eb) => [
          eb
            .selectFrom('case_updates as t')
            .select('t.to_state')
            .whereRef('t.case_id', '=', 'u.case_id')
            .where('t.kind', '=', 'transition')
            .whereRef('t.created_at', '<=', 'u.created_at')
            .orderBy('t.created_at', 'desc')
            .orderBy('t.id', 'desc')
            .limit(1)
            .as('state_then'),
          eb
            .selectFrom('case_files as f')
            .select('f.id')
            .whereRef('f.update_id', '=', 'u.id')
            .where('f.hidden', '=', 0)
            .orderBy('f.position')
            .limit(1)
            .as('photo_id'),
        ])
        .where('u.province_code', '=', f.provinceCode)
        .where('u.created_at', '>=', f.start)
        .where('u.created_at', '<=', f.end)
        .where('u.public', '=', 1)
        .where('u.hidden', '=', 0)
        .where('u.kind', 'in', FEED_KINDS)
        // The filing itself (a transition with no action) is the request, not an update of it.
        .where((eb) => eb.or([eb('u.kind', '=', 'public_update'), eb('u.action', 'is not', null)]))
        .where('c.hidden', '=', 0)
        .where('c.kind', '<>', 'proposal')
        .orderBy('u.created_at')
        .orderBy('u.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return rows as Open311UpdateRow[];
    },
  };
}
export type Open311Repository = ReturnType<typeof createOpen311Repository>;

/** Teams' proposal themes are not offered to citizens, so they are not Open311 services. */
function servesCitizens(kindsJson: string): boolean {
  try {
    const kinds = JSON.parse(kindsJson) as unknown;
    return Array.isArray(kinds) && kinds.some((k) => k === 'report' || k === 'petition');
  } catch {
    return false;
  }
}

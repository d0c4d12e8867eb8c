import type { PublicCase, PublicCaseItem } from '../../../shared/contracts/cases';
import { mayDispute, mayRate, type CaseState } from '../../../shared/rules/case-workflow';
import type { CaseFileRow, CaseRow } from './cases.repository';

/**
 * What anyone may read about a case. Built from an allow-list of columns: the reporter's name appears only as
 * `public_name` (set when they chose to show it), never their phone, e-mail, token or the handlers' notes.
 */

/** The public addresses of a photo's two sizes (served by GET /api/v1/case-files/{id}/{variant}). */
export function photoUrls(fileId: string) {
  return { url: `/api/v1/case-files/${fileId}/display`, thumbUrl: `/api/v1/case-files/${fileId}/thumb` };
}

export function presentPhoto(f: Pick<CaseFileRow, 'id' | 'width' | 'height'>) {
  return { id: f.id, ...photoUrls(f.id), width: f.width, height: f.height };
}

type ListRow = Pick<
  CaseRow,
  | 'id'
  | 'code'
  | 'kind'
  | 'category_code'
  | 'title'
  | 'state'
  | 'commune_code'
  | 'lat'
  | 'lng'
  | 'submitted_at'
  | 'supporters'
>;

export function presentPublicItem(
  r: ListRow,
  names: {
    category: string | undefined;
    commune: string | undefined | null;
    thumbFileId: string | undefined;
  },
  distanceM?: number,
): PublicCaseItem {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    categoryCode: r.category_code,
    categoryName: names.category ?? r.category_code,
    title: r.title,
    state: r.state,
    communeCode: r.commune_code,
    communeName: names.commune ?? null,
    lat: r.lat,
    lng: r.lng,
    submittedAt: r.submitted_at,
    supporters: r.supporters,
    thumbUrl: names.thumbFileId ? photoUrls(names.thumbFileId).thumbUrl : null,
    ...(distanceM === undefined ? {} : { distanceM: Math.round(distanceM) }),
  };
}

export interface TimelineRow {
  id: string;
  kind: string;
  action: string | null;
  to_state: string | null;
  body: string;
  created_at: string;
  agency_name: string | null;
}

export interface PublicCaseContext {
  categoryName: string | undefined;
  communeName: string | null;
  agencyName: string | null;
  mergedIntoCode: string | null;
  files: CaseFileRow[];
  timeline: TimelineRow[];
  deadlineStatus: PublicCase['deadlineStatus'];
  now: Date;
}

/**
 * A case's public page. Until it is published (a petition waiting for acceptance, a report held for moderation)
 * only its state, category, dates and public timeline show: no text, place or photos, which a moderator has not
 * seen yet.
 */
export function presentPublicCase(r: CaseRow, c: PublicCaseContext): PublicCase {
  const published = r.published_at !== null;
  const visible = c.files.filter((f) => f.hidden === 0);
  const own = visible.filter((f) => f.update_id === null);
  const byUpdate = new Map<string, CaseFileRow[]>();
  for (const f of visible)
    if (f.update_id) byUpdate.set(f.update_id, [...(byUpdate.get(f.update_id) ?? []), f]);
  const item = presentPublicItem(r, {
    category: c.categoryName,
    commune: c.communeName,
    thumbFileId: published ? own[0]?.id : undefined,
  });
  return {
    ...item,
    title: published ? r.title : (c.categoryName ?? r.category_code),
    lat: published ? r.lat : null,
    lng: published ? r.lng : null,
    description: published ? r.public_description : '',
    addressText: published ? r.address_text : null,
    publicName: published && r.show_name === 1 ? r.public_name : null,
    severity: r.severity,
    agencyName: c.agencyName,
    acceptDueAt: r.accept_due_at,
    handleDueAt: r.handle_due_at,
    deadlineStatus: c.deadlineStatus,
    answeredAt: r.answered_at,
    answer: published ? r.answer_text : null,
    refusedReason: r.refused_reason,
    mergedIntoCode: c.mergedIntoCode,
    rating: r.rating,
    ratingComment: published ? r.rating_comment : null,
    mayRate: mayRate({ state: r.state, rating: r.rating }),
    mayDispute: mayDispute({ state: r.state, answeredAt: r.answered_at, reopenCount: r.reopen_count }, c.now),
    photos: published ? own.map(presentPhoto) : [],
    timeline: c.timeline.map((u) => ({
      id: u.id,
      kind: u.kind as PublicCase['timeline'][number]['kind'],
      action: u.action,
      state: (u.to_state as CaseState | null) ?? null,
      body: published ? u.body : '',
      agencyName: u.agency_name,
      at: u.created_at,
      photos: published ? (byUpdate.get(u.id) ?? []).map(presentPhoto) : [],
    })),
    published,
  };
}

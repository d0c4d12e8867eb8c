import {
  open311Status,
  open311UpdateStatus,
  type CaseAction,
  type CaseState,
  type Open311UpdateStatus,
} from '../../../shared/rules/case-workflow';
import { photoUrls } from '../cases/index';
import { w3cDateTime } from './open311-format';
import type { Open311CategoryRow, Open311RequestRow, Open311UpdateRow } from './open311.repository';

/**
 * GeoReport v2 shapes (interfaces.md §3), field for field and in the spec's order. Names are the Vietnamese ones:
 * the deployment's citizens and its FixMyStreet read Vietnamese. Nothing here has a reporter column to show.
 */

/** A resource as both formats write it: the JSON value, and the XML by the list-item names (open311-format.ts). */
export type Open311Scalar = string | number | boolean | null | undefined;
export interface XmlObject {
  [key: string]: Open311Scalar | XmlObject | XmlObject[] | Open311Scalar[];
}

/** A category's extra question as stored in case_categories.attributes_json (shared/rules/case-categories.ts). */
interface StoredAttribute {
  code: string;
  datatype: string;
  required: boolean;
  descriptionVi?: string;
  description?: string;
  values?: { key: string; nameVi?: string; name?: string }[];
}

export function categoryAttributes(row: Pick<Open311CategoryRow, 'attributes_json'>): StoredAttribute[] {
  try {
    const parsed = JSON.parse(row.attributes_json) as unknown;
    return Array.isArray(parsed)
      ? (parsed as StoredAttribute[]).filter((a) => typeof a?.code === 'string')
      : [];
  } catch {
    return [];
  }
}

export function presentService(row: Open311CategoryRow): XmlObject {
  return {
    service_code: row.code,
    service_name: row.name_vi,
    description: row.description_vi,
    metadata: categoryAttributes(row).length > 0,
    type: 'realtime',
    keywords: row.keywords,
    group: row.group_code,
  };
}

export function presentServiceDefinition(row: Open311CategoryRow): XmlObject {
  return {
    service_code: row.code,
    attributes: categoryAttributes(row).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required === true,
      datatype_description: datatypeDescription(a.datatype),
      order: i + 1,
      description: a.descriptionVi ?? a.description ?? a.code,
      values: (a.values ?? []).map((v) => ({ key: v.key, name: v.nameVi ?? v.name ?? v.key })),
    })),
  };
}

function datatypeDescription(datatype: string): string {
  switch (datatype) {
    case 'singlevaluelist':
      return 'Chọn một giá trị (key) trong danh sách';
    case 'multivaluelist':
      return 'Chọn một hoặc nhiều giá trị (key) trong danh sách';
    case 'number':
      return 'Một số';
    case 'datetime':
      return 'Ngày giờ W3C, ví dụ 2026-12-06T08:30:00+07:00';
    default:
      return '';
  }
}

export interface PresentContext {
  /** config.publicUrl without a trailing slash: photo addresses are absolute. */
  publicUrl: string;
}

/** The display size of a stored photo, served by the cases module (GET /api/v1/case-files/{id}/display). */
export function photoUrl(ctx: PresentContext, photoId: string): string {
  return `${ctx.publicUrl}${photoUrls(photoId).url}`;
}

export function presentRequest(row: Open311RequestRow, ctx: PresentContext): XmlObject {
  const published = row.published_at !== null;
  const media = published && row.photo_id !== null ? photoUrl(ctx, row.photo_id) : row.media_url;
  return {
    service_request_id: row.code,
    status: open311Status(row.state as CaseState),
    status_notes: row.status_notes,
    service_name: row.category_name ?? row.category_code,
    service_code: row.category_code,
    // Until a handler accepts (or a moderator clears) it, the text may still carry what the public must not read.
    description: published ? row.public_description : null,
    agency_responsible: row.agency_name,
    service_notice: null,
    requested_datetime: w3cDateTime(row.submitted_at),
    updated_datetime: w3cDateTime(row.updated_at),
    expected_datetime: w3cDateTime(row.handle_due_at ?? row.accept_due_at),
    address: row.address_text,
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: media,
  };
}

/** What a case's state means to a client that polls statuses (an entry with no transition of its own). */
const STATUS_OF_STATE: Record<CaseState, Open311UpdateStatus> = {
  submitted: 'OPEN',
  accepted: 'INVESTIGATING',
  assigned: 'ACTION_SCHEDULED',
  in_progress: 'IN_PROGRESS',
  answered: 'FIXED',
  closed: 'CLOSED',
  refused: 'NO_FURTHER_ACTION',
  merged: 'DUPLICATE',
};

export function updateStatusOf(
  row: Pick<
    Open311UpdateRow,
    'kind' | 'action' | 'to_state' | 'state_then' | 'case_state' | 'refused_not_competent'
  >,
): Open311UpdateStatus {
  // A refusal ends a case, so the case's flag speaks for its one refusal entry and for any update written after it.
  const notCompetent = row.refused_not_competent === 1;
  if (row.kind === 'transition' && row.action) {
    const known = ['accept', 'refuse', 'assign', 'reassign', 'start', 'answer', 'reopen', 'close', 'merge'];
    if (known.includes(row.action)) return open311UpdateStatus(row.action as CaseAction, { notCompetent });
  }
  const state = (row.to_state ?? row.state_then ?? row.case_state) as CaseState;
  if (state === 'refused' && notCompetent) return 'NOT_COUNCILS_RESPONSIBILITY';
  return STATUS_OF_STATE[state] ?? 'OPEN';
}

export function presentUpdate(row: Open311UpdateRow, ctx: PresentContext): XmlObject {
  return {
    update_id: row.id,
    service_request_id: row.case_code,
    status: updateStatusOf(row),
    updated_datetime: w3cDateTime(row.created_at),
    description: row.body,
    media_url: row.photo_id !== null ? photoUrl(ctx, row.photo_id) : null,
  };
}

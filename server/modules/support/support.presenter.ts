import type { AgeBand, Gender, Outcome, SupportRecord } from '../../../shared/contracts/support';
import type { Action } from '../../../shared/rules/permissions';
import type { RecordRow } from './support-records.repository';

/** A stored record as the API shows it: the client's fields as stored (canonical form) plus server fields. */
export function toRecordView(r: RecordRow, actions: Action[]): SupportRecord {
  return {
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    hamletId: r.hamlet_id,
    hamletName: r.hamlet_name,
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    occurredAt: r.occurred_at,
    services: JSON.parse(r.services_json) as string[],
    outcome: r.outcome as Outcome,
    person: { ageBand: r.age_band as AgeBand, gender: r.gender as Gender },
    consent: r.consent === 1,
    consentWithdrawnAt: r.consent_withdrawn_at,
    durationMinutes: r.duration_minutes,
    note: r.note,
    location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng, accuracy: r.accuracy } : null,
    campaignId: r.campaign_id,
    helpRequestId: r.help_request_id,
    supersedes: r.supersedes,
    author: {
      userId: r.author_user_id,
      memberId: r.member_id,
      name: r.member_name,
      viaApiKey: r.author_api_key_id !== null,
    },
    receivedAt: r.received_at,
    state: r.state,
    supersededBy: r.superseded_by,
    retraction: r.retracted_at ? { at: r.retracted_at, reason: r.retraction_reason ?? '' } : null,
    review: { status: r.review_status, at: r.reviewed_at, byUserId: r.reviewed_by, note: r.review_note },
    actions,
  };
}

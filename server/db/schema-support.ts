/** Support records' tables: what a team did for a person, and the services of each record for queries. */

export interface SupportRecordsTable {
  id: string;
  team_id: string;
  /** Where the person was helped: any hamlet of the team's commune. */
  hamlet_id: string;
  province_code: string;
  commune_code: string;
  /** The hamlet of the team that made it (null for a commune-level team): review rights follow the team. */
  team_hamlet_id: string | null;
  occurred_at: string;
  /** Canonical (sorted) service codes; support_record_services holds the same codes for queries. */
  services_json: string;
  outcome: string;
  age_band: string;
  gender: string;
  consent: number;
  /** The register's consent text version read aloud (null without consent); see migration 0013. */
  consent_version: string | null;
  /** Set when the person withdrew consent: the note and location were cleared then. */
  consent_withdrawn_at: string | null;
  duration_minutes: number | null;
  note: string | null;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  campaign_id: string | null;
  help_request_id: string | null;
  supersedes: string | null;
  /** SHA-256 of the canonical client content: a resend with the same hash is a duplicate, else a conflict. */
  content_hash: string;
  author_user_id: string | null;
  author_api_key_id: string | null;
  member_id: string | null;
  received_at: string;
  state: 'active' | 'superseded' | 'retracted';
  superseded_by: string | null;
  retracted_at: string | null;
  retraction_reason: string | null;
  retracted_by: string | null;
  review_status: 'pending' | 'reviewed' | 'flagged';
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export interface SupportRecordServicesTable {
  record_id: string;
  service_code: string;
}

/** Support records' tables, as `DB` (schema.ts) includes them. */
export interface SupportTables {
  support_records: SupportRecordsTable;
  support_record_services: SupportRecordServicesTable;
}

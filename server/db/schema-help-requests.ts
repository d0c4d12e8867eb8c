/** Help requests' tables (migration 0020, issue 11). */
import type { ContactHash, Sealed } from './schema';

export type HelpRequestStateColumn =
  'new' | 'assigned' | 'scheduled' | 'done' | 'could_not_reach' | 'cancelled';

export interface HelpRequestsTable {
  id: string;
  /** YCHT.yyyymmdd.nnnn */
  code: string;
  province_code: string;
  commune_code: string;
  hamlet_id: string | null;
  /** The team it was routed to; null while it waits in the commune officers' queue. */
  team_id: string | null;
  /** That team's hamlet (null for a commune-level team): hamlet grants reach a request through its team. */
  team_hamlet_id: string | null;
  routed_to: 'hamlet_team' | 'commune_team' | 'commune_officer';
  state: HelpRequestStateColumn;
  /** A code of the services catalogue when the need was picked from it. */
  service_code: string | null;
  need_text: string;
  preferred_time: string | null;
  /** Sealed (help_requests.address). */
  address: Sealed | null;
  /** Sealed (help_requests.contact_name). */
  contact_name: Sealed | null;
  /** Sealed (help_requests.contact_phone); found by contact_phone_hash. */
  contact_phone: Sealed | null;
  contact_phone_hash: ContactHash | null;
  /** SHA-256 of the requester's private token (rating). */
  token_hash: string;
  assigned_member_id: string | null;
  assigned_user_id: string | null;
  assigned_at: string | null;
  scheduled_for: string | null;
  first_contact_at: string | null;
  call_due_at: string;
  reminded_at: string | null;
  support_record_id: string | null;
  closed_at: string | null;
  close_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  channel: 'web' | 'phone_call' | 'in_person';
  created_by: string | null;
  contact_anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HelpRequestUpdatesTable {
  id: string;
  help_request_id: string;
  province_code: string;
  action: string;
  from_state: string | null;
  to_state: string;
  /** Staff's note (never on the public page). */
  note: string | null;
  actor_user_id: string | null;
  created_at: string;
}

export interface HelpRequestSubmissionsTable {
  key: string;
  help_request_id: string;
  digest: string;
  created_at: string;
}

export interface HelpRequestCodeCountersTable {
  province_code: string;
  day: string;
  last_seq: number;
}

export interface HelpRequestSettingsTable {
  province_code: string;
  retention_days: number;
  updated_by: string | null;
  updated_at: string;
}

/** The help-request tables, as `DB` (schema.ts) includes them. */
export interface HelpRequestTables {
  help_requests: HelpRequestsTable;
  help_request_updates: HelpRequestUpdatesTable;
  help_request_submissions: HelpRequestSubmissionsTable;
  help_request_code_counters: HelpRequestCodeCountersTable;
  help_request_settings: HelpRequestSettingsTable;
}

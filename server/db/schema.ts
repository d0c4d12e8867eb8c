/**
 * Row types of every table, as Kysely sees them. Storage conventions (both dialects):
 * timestamps are UTC ISO-8601 text ("2026-11-28T03:00:00.000Z"), JSON is text, booleans are 0/1 integers.
 * Keep in step with migrations/ (the schema-snapshot test catches drift in the tables themselves).
 */
import type { Generated } from 'kysely';

export interface UnitsTable {
  /** "<level>:<code>:<validFrom|origin>" — a code can name different units before and after the reform. */
  id: string;
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  full_name: string;
  name_en: string | null;
  type: string;
  parent_code: string | null;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
  search_text: string;
}

export interface UnitLineageTable {
  old_unit_id: string;
  new_unit_id: string;
  kind: 'full' | 'partial';
}

export interface HamletsTable {
  id: string;
  commune_code: string;
  province_code: string;
  name: string;
  kind: 'ap' | 'khu_pho' | 'thon' | 'to_dan_pho' | 'other';
  local_code: string | null;
  search_text: string;
  status: 'active' | 'merged' | 'retired';
  merged_into: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface HamletChangesTable {
  id: string;
  hamlet_id: string;
  change: 'created' | 'renamed' | 'updated' | 'merged' | 'retired' | 'imported';
  before_json: string | null;
  after_json: string | null;
  actor_user_id: string | null;
  at: string;
}

/**
 * A value sealed by server/platform/crypto/sealing.ts (`s1.<version>.<nonce>.<ciphertext>`). Branded so that no
 * plain phone number can be written to a sealed column by mistake: only sealed-columns.ts makes one.
 */
export type Sealed = string & { readonly __sealed: true };
/** The keyed hash of a normalised contact value (`<version>:<hmac>`), beside its sealed column. */
export type ContactHash = string & { readonly __contactHash: true };

export interface UsersTable {
  id: string;
  email: string | null;
  /** Sealed; found by phone_hash. */
  phone: Sealed | null;
  phone_hash: ContactHash | null;
  name: string;
  password_hash: string | null;
  status: 'active' | 'invited' | 'disabled';
  locale: 'vi' | 'en';
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  /** foldText(name): diacritic-free search, kept in step by the users repository. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface GrantsTable {
  id: string;
  user_id: string;
  role: string;
  unit_code: string;
  level: 'province' | 'commune' | 'hamlet';
  province_code: string;
  commune_code: string | null;
  hamlet_id: string | null;
  created_by: string | null;
  created_at: string;
  /** Migration 0018: an agency_handler grant's agency (its unit is the agency's own). */
  agency_id?: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuthTokensTable {
  /** SHA-256 of the token sent by e-mail / link. */
  id: string;
  kind: 'password_reset' | 'invitation';
  user_id: string | null;
  email: string | null;
  payload_json: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** First characters of the key, shown in lists so an admin can tell keys apart. */
  prefix: string;
  secret_hash: string;
  scopes_json: string;
  unit_code: string;
  province_code: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  province_code: string | null;
  commune_code: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface JobsTable {
  id: string;
  name: string;
  payload_json: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  lease_until: string | null;
  locked_by: string | null;
  /** Scheduled slots ("digest:2026-11-28") get a unique key, so two servers enqueue one job. */
  unique_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  payload_json: string;
  occurred_at: string;
  dispatched_at: string | null;
  /** 0004: claim lease of a dispatching server, and after a failure the time before which no retry starts. */
  lease_until: string | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: 'pending' | 'sent' | 'captured' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** 0008: shared request counts of the rate limits; `bucket` hashes (limit, caller, window). */
/** Failed sign-ins per hashed (identifier + address) or address key; see migration 0007. */
export interface SignInThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: string;
  expires_at: string;
}

export interface RateLimitCountersTable {
  bucket: string;
  count: number;
  expires_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ServicesTable {
  code: string;
  name: string;
  name_en: string;
  skill: string;
  description: string | null;
  status: 'active' | 'retired';
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface TeamsTable {
  id: string;
  province_code: string;
  commune_code: string;
  /** null for a commune-level team. */
  hamlet_id: string | null;
  level: 'hamlet' | 'commune';
  name: string;
  /** foldText(name): diacritic-free search and a sort key that orders the same on both dialects. */
  search_text: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_signer: string | null;
  schedule: string | null;
  /** Sealed; the hash finds it for data-subject requests. */
  contact_phone: Sealed | null;
  contact_phone_hash: ContactHash | null;
  status: 'active' | 'merged' | 'dissolved';
  merged_into: string | null;
  status_reason: string | null;
  status_changed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  id: string;
  team_id: string;
  /** Set when the member accepts the invitation (or is linked to an existing account). */
  user_id: string | null;
  name: string;
  role: 'leader' | 'deputy' | 'member';
  affiliation: string;
  organization: string | null;
  /** Sealed; phone_hash finds the same number across the team (and across the platform). */
  phone: Sealed | null;
  phone_hash: ContactHash | null;
  email: string | null;
  phone_public: number;
  /** Local dates (YYYY-MM-DD, Asia/Ho_Chi_Minh); active_to is the last day, null while active. */
  active_from: string;
  active_to: string | null;
  invitation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamChangesTable {
  id: string;
  team_id: string;
  change: string;
  before_json: string | null;
  after_json: string | null;
  actor_user_id: string | null;
  at: string;
}

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

import type {
  ConsentRecordsTable,
  DataSubjectRequestsTable,
  PersonalDataAccessTable,
  PersonalDataBreachesTable,
} from './schema-privacy';
export type * from './schema-privacy';
import type { CalendarDaysTable, WorkingHoursTable } from './schema-calendar';
export type * from './schema-calendar';
import type { NotificationPreferencesTable, NotificationsTable } from './schema-notifications';
export type * from './schema-notifications';
import type {
  AgenciesTable,
  CaseBlockedSendersTable,
  CaseCategoriesTable,
  CaseCodeCountersTable,
  CaseExtensionsTable,
  CaseFilesTable,
  CaseFollowersTable,
  CaseMapCellsTable,
  CaseReplyTemplatesTable,
  CaseRoutingRulesTable,
  CaseSettingsTable,
  CaseSubmissionsTable,
  CaseSupportersTable,
  CasesTable,
  CaseUpdatesTable,
} from './schema-cases';
export type * from './schema-cases';
import type { HelpRequestTables } from './schema-help-requests';
export type * from './schema-help-requests';
import type { QuestionTables } from './schema-questions';
export type * from './schema-questions';

/** The whole database; later modules' tables come from their own schema file's `…Tables` interface. */
export interface DB extends HelpRequestTables, QuestionTables {
  units: UnitsTable;
  unit_lineage: UnitLineageTable;
  hamlets: HamletsTable;
  hamlet_changes: HamletChangesTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  events: EventsTable;
  mail_outbox: MailOutboxTable;
  rate_limit_counters: RateLimitCountersTable;
  sign_in_throttles: SignInThrottlesTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  settings: SettingsTable;
  services: ServicesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_changes: TeamChangesTable;
  support_records: SupportRecordsTable;
  support_record_services: SupportRecordServicesTable;
  working_hours: WorkingHoursTable;
  calendar_days: CalendarDaysTable;
  personal_data_access: PersonalDataAccessTable;
  personal_data_breaches: PersonalDataBreachesTable;
  data_subject_requests: DataSubjectRequestsTable;
  consent_records: ConsentRecordsTable;
  agencies: AgenciesTable;
  case_categories: CaseCategoriesTable;
  case_routing_rules: CaseRoutingRulesTable;
  cases: CasesTable;
  case_updates: CaseUpdatesTable;
  case_files: CaseFilesTable;
  case_supporters: CaseSupportersTable;
  case_followers: CaseFollowersTable;
  case_extensions: CaseExtensionsTable;
  case_reply_templates: CaseReplyTemplatesTable;
  case_blocked_senders: CaseBlockedSendersTable;
  case_submissions: CaseSubmissionsTable;
  case_code_counters: CaseCodeCountersTable;
  case_settings: CaseSettingsTable;
  case_map_cells: CaseMapCellsTable;
  kysely_migration: { name: string; timestamp: string };
}

/**
 * Row types of every table, as Kysely sees them. Storage conventions (both dialects):
 * timestamps are UTC ISO-8601 text ("2026-11-28T03:00:00.000Z"), JSON is text, booleans are 0/1 integers.
 * Keep in step with migrations/ (the schema-snapshot test catches drift in the tables themselves).
 */
import type { Generated } from 'kysely';

/**
 * A value sealed by server/platform/crypto/sealing.ts (`s1.<version>.<nonce>.<ciphertext>`). Branded so that no
 * plain phone number can be written to a sealed column by mistake: only sealed-columns.ts makes one.
 */
export type Sealed = string & { readonly __sealed: true };
/** The keyed hash of a normalised contact value (`<version>:<hmac>`), beside its sealed column. */
export type ContactHash = string & { readonly __contactHash: true };

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

import type { GeographyTables } from './schema-geography';
export type * from './schema-geography';
import type { AccountTables } from './schema-accounts';
export type * from './schema-accounts';
import type { TeamTables } from './schema-teams';
export type * from './schema-teams';
import type { SupportTables } from './schema-support';
export type * from './schema-support';
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

/** The whole database; modules' tables come from their own schema file's `…Tables` interface. */
export interface DB
  extends GeographyTables, AccountTables, TeamTables, SupportTables, HelpRequestTables, QuestionTables {
  audit_log: AuditLogTable;
  jobs: JobsTable;
  events: EventsTable;
  mail_outbox: MailOutboxTable;
  rate_limit_counters: RateLimitCountersTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  settings: SettingsTable;
  services: ServicesTable;
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

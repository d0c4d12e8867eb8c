/** The case engine's tables (migration 0018, issue 10): agencies, categories, routing, cases and their timeline. */
import type { ContactHash, Sealed } from './schema';

export interface AgenciesTable {
  id: string;
  province_code: string;
  /** null: a province-level agency (a department, a utility serving the whole province). */
  commune_code: string | null;
  name: string;
  name_en: string | null;
  kind: 'department' | 'commune_office' | 'utility' | 'police' | 'youth_union' | 'other';
  /** The agency's own office address for notifications (not a citizen's: not sealed). */
  email: string | null;
  phone: string | null;
  active: number;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface CaseCategoriesTable {
  id: string;
  province_code: string;
  /** The Open311 service_code. */
  code: string;
  name_vi: string;
  name_en: string;
  description_vi: string;
  description_en: string;
  /** Open311 `group`. */
  group_code: string;
  keywords: string;
  /** JSON array of case kinds the category serves ('report', 'petition', 'proposal'). */
  kinds_json: string;
  default_severity: 'urgent' | 'complex' | 'normal';
  /** JSON array of extra questions (an Open311 service definition's attributes); [] for none. */
  attributes_json: string;
  is_other: number;
  sort_order: number;
  active: number;
  updated_at: string;
}

export interface CaseRoutingRulesTable {
  id: string;
  province_code: string;
  category_code: string;
  /** null: every commune of the province without a rule of its own. */
  commune_code: string | null;
  agency_id: string;
  updated_by: string | null;
  updated_at: string;
}

export type CaseStateColumn =
  'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'answered' | 'closed' | 'refused' | 'merged';

export interface CasesTable {
  id: string;
  /** PAKN.yyyymmdd.nnnn */
  code: string;
  province_code: string;
  commune_code: string | null;
  hamlet_id: string | null;
  kind: 'report' | 'petition' | 'proposal';
  category_code: string;
  severity: 'urgent' | 'complex' | 'normal';
  state: CaseStateColumn;
  title: string;
  /** What the reporter wrote, kept for handlers. */
  description: string;
  /** What the public sees: the description, or a moderator's edit with personal data taken out. */
  public_description: string;
  /** JSON object of Open311 attribute answers. */
  attributes_json: string;
  lat: number | null;
  lng: number | null;
  location_accuracy: number | null;
  address_text: string | null;
  agency_id: string | null;
  merged_into_id: string | null;
  /** A team's proposal: the raising team and its theme (devices, training, coverage, platform, other). */
  team_id: string | null;
  theme: string | null;
  /** Sealed (context cases.reporter_name): free text, never looked up. */
  reporter_name: Sealed | null;
  /** Sealed (context cases.reporter_phone); found by its hash. */
  reporter_phone: Sealed | null;
  reporter_phone_hash: ContactHash | null;
  /** Sealed (context cases.reporter_email); found by its hash. */
  reporter_email: Sealed | null;
  reporter_email_hash: ContactHash | null;
  /** SHA-256 of the reporter's private token (given once at filing): rating and disputing need it. */
  reporter_token_hash: string | null;
  show_name: number;
  /** The name shown publicly when the reporter allowed it (a first name or initials they chose), else null. */
  public_name: string | null;
  source: 'web' | 'open311' | 'staff' | 'team';
  channel: 'web' | 'app' | 'phone' | 'walk_in' | 'letter' | 'email' | 'open311';
  created_by: string | null;
  api_key_id: string | null;
  /** Open311 account_id / device_id given by a client (its own reference, not personal data). */
  external_ref: string | null;
  media_url: string | null;
  submitted_at: string;
  accept_due_at: string;
  accepted_at: string | null;
  handle_due_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  refused_reason: string | null;
  /**
   * 1 when the refusal said the case is not the province's to handle (migration 0021). Optional in the type only:
   * code that writes whole rows need not name it, the database defaults it to 0.
   */
  refused_not_competent?: number;
  answer_text: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  disputed_at: string | null;
  reopen_count: number;
  /** When the case became visible in public lists (null: not public). */
  published_at: string | null;
  hidden: number;
  hidden_reason: string | null;
  supporters: number;
  warned_at: string | null;
  overdue_flagged_at: string | null;
  contact_anonymised_at: string | null;
  updated_at: string;
}

export interface CaseUpdatesTable {
  id: string;
  case_id: string;
  province_code: string;
  kind: 'transition' | 'note' | 'public_update' | 'citizen_comment' | 'rating' | 'extension' | 'moderation';
  action: string | null;
  from_state: string | null;
  to_state: string | null;
  body: string;
  public: number;
  agency_id: string | null;
  author_user_id: string | null;
  api_key_id: string | null;
  external_ref: string | null;
  hidden: number;
  created_at: string;
}

export interface CaseFilesTable {
  id: string;
  case_id: string;
  /** null: the report's own photos; else the update (an answer) they belong to. */
  update_id: string | null;
  display_key: string;
  thumb_key: string;
  width: number;
  height: number;
  bytes: number;
  position: number;
  hidden: number;
  created_at: string;
}

export interface CaseSupportersTable {
  case_id: string;
  /** A keyed hash of the device id (or the address when none): one "me too" per device, nothing reversible. */
  supporter_hash: string;
  created_at: string;
}

export interface CaseFollowersTable {
  id: string;
  case_id: string;
  /** Sealed (context case_followers.email). */
  email: Sealed;
  email_hash: ContactHash;
  unsubscribe_token_hash: string;
  created_at: string;
  unsubscribed_at: string | null;
}

export interface CaseExtensionsTable {
  id: string;
  case_id: string;
  province_code: string;
  reason: string;
  working_days: number;
  status: 'pending' | 'approved' | 'rejected';
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface CaseReplyTemplatesTable {
  id: string;
  province_code: string;
  purpose: 'refuse' | 'accept' | 'public_update' | 'answer' | 'reassign';
  title: string;
  body: string;
  active: number;
  updated_by: string | null;
  updated_at: string;
}

export interface CaseBlockedSendersTable {
  id: string;
  province_code: string;
  contact_hash: ContactHash;
  reason: string;
  blocked_by: string;
  created_at: string;
  until: string | null;
}

export interface CaseSubmissionsTable {
  /** 'client:<uuid>' for a client-made id, 'open311:<key id>:<digest>' for an Open311 submission. */
  key: string;
  case_id: string;
  /** SHA-256 of the submission's content: the same key with other content is a conflict. */
  digest: string;
  created_at: string;
}

export interface CaseCodeCountersTable {
  province_code: string;
  /** Local date yyyymmdd. */
  day: string;
  last_seq: number;
}

export interface CaseSettingsTable {
  province_code: string;
  /** JSON CaseDeadlinePolicy (shared/rules/case-deadlines.ts). */
  deadlines_json: string;
  /** Months after closing that the reporter's contact data is anonymised (default 12). */
  retention_months: number;
  /** 1: anonymous web reports wait for a moderator before they are public. */
  moderate_anonymous: number;
  updated_by: string | null;
  updated_at: string;
}

/**
 * The public map's overview (issue 10): published, visible reports and petitions counted per grid cell of
 * `cell` thousandths of a degree (2: about 220 m; 80: about 9 km — OVERVIEW_CELLS): gx = floor((lng + 180) / size), gy = floor((lat + 90)
 * / size); rebuilt every minute by `cases.map.refresh`. `one_*` are a cell's smallest values, which are its one
 * case's own when n = 1.
 */
export interface CaseMapCellsTable {
  province_code: string;
  cell: number;
  gy: number;
  gx: number;
  n: number;
  sum_lat: number;
  sum_lng: number;
  one_id: string;
  one_code: string;
  one_state: CaseStateColumn;
  one_category: string;
  refreshed_at: string;
}

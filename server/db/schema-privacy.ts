import type { ConsentChannel } from '../../shared/privacy/register-types';
import type { ContactHash, Sealed } from './schema';

/** Personal-data protection tables (migrations 0011, 0012, 0014–0016): the access log, breaches, requests, consents. */

/** One reveal of a sealed value by staff (migration 0011). */
export interface PersonalDataAccessTable {
  id: string;
  at: string;
  actor_user_id: string;
  subject_type: 'user' | 'team_member' | 'team' | 'data_subject_request' | 'case' | 'help_request';
  subject_id: string;
  field: string;
  reason: string;
  province_code: string;
  commune_code: string | null;
}

/** One personal-data breach (migration 0012). */
export interface PersonalDataBreachesTable {
  id: string;
  province_code: string;
  discovered_at: string;
  occurred_at: string | null;
  /** discovered_at + 72 hours: the notification deadline. */
  notify_by: string;
  title: string;
  description: string;
  /** JSON array of BREACH_DATA_CATEGORIES. */
  data_categories_json: string;
  subjects: string;
  subjects_count: number | null;
  consequences: string | null;
  measures: string | null;
  contact: string;
  status: 'open' | 'notified' | 'closed';
  notified_at: string | null;
  notified_to: string | null;
  notification_ref: string | null;
  late_reason: string | null;
  closed_at: string | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

/** A data-subject request (migration 0014). */
export interface DataSubjectRequestsTable {
  id: string;
  code: string;
  province_code: string;
  kind: 'access' | 'correction' | 'deletion' | 'restriction' | 'withdrawal' | 'objection';
  contact_kind: 'phone' | 'email';
  /** Sealed (context data_subject_requests.contact); found by contact_hash. */
  contact: Sealed;
  contact_hash: ContactHash;
  /** Sealed (context data_subject_requests.description): free text naming the person. */
  description: Sealed;
  status: 'unverified' | 'verified' | 'in_progress' | 'completed' | 'rejected' | 'expired';
  otp_hash: string | null;
  otp_expires_at: string | null;
  otp_attempts: number;
  created_at: string;
  verified_at: string | null;
  due_at: string | null;
  handled_by: string | null;
  resolution: string | null;
  completed_at: string | null;
  updated_at: string;
  /** Migration 0015: when handlers were told it falls due within a working day, and when that it is overdue. */
  reminded_due_at?: string | null;
  reminded_overdue_at?: string | null;
}

/** One consent given (migration 0016): wherever consent is the legal basis; withdrawal recorded on the row. */
export interface ConsentRecordsTable {
  id: string;
  province_code: string;
  /** A purpose of the register (shared/privacy/register.ts). */
  purpose: string;
  text_version: string;
  channel: ConsentChannel;
  /** The owning module's record: its withdrawal hook is found by this type. */
  subject_type: string;
  subject_id: string;
  /** The citizen's contact hash when the module holds a contact (phone or e-mail hash context). */
  contact_hash: ContactHash | null;
  /** Who recorded it for the person; null when the person gave it themselves on the web. */
  recorded_by: string | null;
  given_at: string;
  withdrawn_at: string | null;
  /** 'request': carried out for a data-subject request of kind withdrawal. */
  withdrawal_channel: ConsentChannel | 'request' | null;
  withdrawn_by: string | null;
}

/** Accounts' tables: people, their grants, sessions, e-mailed tokens, API keys and sign-in throttles. */
import type { ContactHash, Sealed } from './schema';

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

/** Failed sign-ins per hashed (identifier + address) or address key; see migration 0007. */
export interface SignInThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: string;
  expires_at: string;
}

/** Accounts' tables, as `DB` (schema.ts) includes them. */
export interface AccountTables {
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  api_keys: ApiKeysTable;
  sign_in_throttles: SignInThrottlesTable;
}

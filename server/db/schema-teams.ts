/** Teams' tables: the teams, their members over time and their change history. */
import type { ContactHash, Sealed } from './schema';

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

/** Teams' tables, as `DB` (schema.ts) includes them. */
export interface TeamTables {
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_changes: TeamChangesTable;
}

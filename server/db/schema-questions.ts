/** The online Q&A's tables (migration 0019, issue 11). Full-text structures are not typed: only SQL reaches them. */
import type { ContactHash, Sealed } from './schema';

export type QuestionStatusColumn = 'pending' | 'published' | 'hidden' | 'rejected' | 'merged';

export interface QuestionSettingsTable {
  province_code: string;
  /** Open flags on a question or an answer that hide it until a moderator decides (default 3). */
  flag_threshold: number;
  /** 1: questions from people without an account wait in the moderators' queue (default). */
  moderate_anonymous: number;
  updated_by: string | null;
  updated_at: string;
}

export interface QuestionsTable {
  id: string;
  /** SQLite: the FTS5 row key (max + 1 on insert; one writer). PostgreSQL: null (the tsvector lives on the row). */
  search_rowid: number | null;
  province_code: string;
  commune_code: string | null;
  /** Always null: questions are placed down to the commune at most. */
  hamlet_id: string | null;
  topic: string;
  title: string;
  body: string;
  /** foldText(title) and foldText(body): what both full-text indexes read. */
  search_title: string;
  search_body: string;
  status: QuestionStatusColumn;
  hidden_reason: string | null;
  locked_at: string | null;
  closed_at: string | null;
  merged_into_id: string | null;
  /** The display name the asker chose (public by the register's consent); cleared on erasure and retention. */
  asker_name: string | null;
  asker_email: Sealed | null;
  asker_email_hash: ContactHash | null;
  /** sha256 of the asker's private link token (accept an answer, add a clarification). */
  asker_token_hash: string | null;
  asker_user_id: string | null;
  accepted_answer_id: string | null;
  answer_count: number;
  has_official_answer: number;
  upvotes: number;
  helpful: number;
  open_flags: number;
  /** Position in its topic's curated FAQ (1, 2, …); null when not in the FAQ. */
  faq_position: number | null;
  faq_at: string | null;
  published_at: string | null;
  first_answered_at: string | null;
  edited_at: string | null;
  contact_anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionAnswersTable {
  id: string;
  question_id: string;
  province_code: string;
  commune_code: string | null;
  body: string;
  author_user_id: string;
  author_name: string;
  /** The role the author answered in (the grant that allowed it): shown beside the name. */
  author_role: string;
  official: number;
  status: 'published' | 'hidden';
  upvotes: number;
  helpful: number;
  open_flags: number;
  edited_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionCommentsTable {
  id: string;
  question_id: string;
  answer_id: string | null;
  body: string;
  author_user_id: string | null;
  /** Staff: their name; the asker: their display name (or null, shown as "the asker"). */
  author_name: string | null;
  by_asker: number;
  status: 'published' | 'hidden';
  created_at: string;
}

export interface QuestionRevisionsTable {
  id: string;
  question_id: string;
  target_kind: 'question' | 'answer';
  target_id: string;
  /** 'edit': the previous text is kept; 'personal_data': it is not (the edit took personal data out). */
  reason: 'edit' | 'personal_data';
  before_title: string | null;
  before_body: string | null;
  editor_user_id: string | null;
  note: string | null;
  created_at: string;
}

export interface QuestionReactionsTable {
  id: string;
  question_id: string;
  kind: 'upvote' | 'helpful';
  target_kind: 'question' | 'answer';
  target_id: string;
  /** upvote: `user:<id>`; helpful: `device:<keyed hash of the device id>`. */
  voter_key: string;
  created_at: string;
}

export interface QuestionFlagsTable {
  id: string;
  question_id: string;
  province_code: string;
  commune_code: string | null;
  target_kind: 'question' | 'answer';
  target_id: string;
  reason: 'spam' | 'offensive' | 'personal_data' | 'off_topic';
  flagger_key: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: 'upheld' | 'dismissed' | null;
  created_at: string;
}

export interface QuestionTermsTable {
  term: string;
}

export interface QuestionChallengesTable {
  /** The spent challenge's id (one question per challenge). */
  id: string;
  expires_at: string;
}

/** The Q&A tables, as `DB` (schema.ts) includes them. */
export interface QuestionTables {
  question_settings: QuestionSettingsTable;
  questions: QuestionsTable;
  question_answers: QuestionAnswersTable;
  question_comments: QuestionCommentsTable;
  question_revisions: QuestionRevisionsTable;
  question_reactions: QuestionReactionsTable;
  question_flags: QuestionFlagsTable;
  question_terms: QuestionTermsTable;
  question_challenges: QuestionChallengesTable;
}

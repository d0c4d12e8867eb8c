/**
 * The contract's limits the Q&A pages need (shared/contracts/questions.ts). Repeated here because importing the
 * contract module brings Zod into the public pages' first load; limits.test.ts keeps the two equal.
 */
export const MAX_QUESTION_TITLE = 200;
export const MAX_QUESTION_BODY = 5000;
export const MAX_ANSWER_BODY = 8000;
export const MAX_COMMENT_BODY = 1000;
export const QUESTION_FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic'] as const;

/**
 * The network's Q&A screens (issue 11). Outside /questions/…: a one-segment address there is a question's public page
 * (/questions/:id), which the public document owns.
 */
export const QUEUE_PATH = '/question-moderation';
export const UNANSWERED_PATH = '/questions-unanswered';
export const FAQ_CURATION_PATH = '/faq-curation';
export const SETTINGS_PATH = '/admin/questions';

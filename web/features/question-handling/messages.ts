/** The network's Q&A screens (namespace "question-handling"): the moderators' queue, unanswered list, FAQ, settings. */
export const namespace = 'question-handling';

export { vi } from './messages-vi';
export { en } from './messages-en';

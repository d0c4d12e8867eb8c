/** The handlers' screens for cases (namespace "case-handling"): inboxes, the case screen, staff filing, proposals, admin. */
export const namespace = 'case-handling';

export { vi } from './messages-vi';
export { en } from './messages-en';

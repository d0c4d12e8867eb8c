/** Administration screens (namespace "admin"): users, hamlets, API keys, audit log, mail outbox. */
export const namespace = 'admin';

export { vi } from './messages-vi';
export { en } from './messages-en';

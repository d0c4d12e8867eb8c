/** Citizens' help requests (namespace "help-requests"): the request form and the public status page. */
export const namespace = 'help-requests';

export { vi } from './messages-vi';
export { en } from './messages-en';

/** The staff's help-request screens (namespace "help-request-handling"): list, detail, steps, settings. */
export const namespace = 'help-request-handling';

export { vi } from './messages-vi';
export { en } from './messages-en';

/** Citizens' reports and petitions (namespace "cases"): the report form, tracking page, public list and map. */
export const namespace = 'cases';

export { vi } from './messages-vi';
export { en } from './messages-en';

/** The addresses of the handlers' screens (issue 10), in one place so links and routes agree. */
export const INBOX_PATH = '/cases';
export const NEW_CASE_PATH = '/cases/new';
export const STATS_PATH = '/cases/stats';
export const PROPOSALS_PATH = '/proposals';
export const AGENCIES_PATH = '/admin/agencies';
export const ROUTING_PATH = '/admin/case-routing';
export const TEMPLATES_PATH = '/admin/case-templates';
export const SETTINGS_PATH = '/admin/case-settings';
export const CATEGORIES_PATH = '/admin/case-categories';

export function casePath(id: string): string {
  return `${INBOX_PATH}/${encodeURIComponent(id)}`;
}

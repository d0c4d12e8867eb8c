/** The staff's help-request screens (issue 11). The notifications link to `/help-requests/<id>`. */
export const HELP_REQUESTS_PATH = '/help-requests';
export const HELP_REQUEST_SETTINGS_PATH = '/admin/help-requests';
/** Staff record a request a resident made by phone or in person (a static segment: it wins over `/:id`). */
export const HELP_REQUEST_FILING_PATH = `${HELP_REQUESTS_PATH}/new`;

export function helpRequestPath(id: string): string {
  return `${HELP_REQUESTS_PATH}/${encodeURIComponent(id)}`;
}

/** The staff's help-request screens (issue 11). The notifications link to `/help-requests/<id>`. */
export const HELP_REQUESTS_PATH = '/help-requests';
export const HELP_REQUEST_SETTINGS_PATH = '/admin/help-requests';

export function helpRequestPath(id: string): string {
  return `${HELP_REQUESTS_PATH}/${encodeURIComponent(id)}`;
}

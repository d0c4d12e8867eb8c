/** The citizens' case pages (issue 10). Plain strings, no JSX: web/public-site/pages.ts reads them at build time. */
export const REPORT_PATH = '/report';
export const REPORTS_PATH = '/reports';
export const TRACK_PATH = '/reports/:code';

/** The public tracking page of a case; with the reporter's token it is the private link (rating, dispute). */
export function trackPath(code: string, token?: string | null): string {
  const base = `${REPORTS_PATH}/${encodeURIComponent(code)}`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

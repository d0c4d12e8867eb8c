/** The citizens' help-request pages (issue 11). Plain strings, no JSX: web/public-site/pages.ts reads them at build time. */
export const HELP_PATH = '/help';
export const HELP_TRACK_PATH = '/help/:code';

/** The public status page of a request; with the requester's token it is the private link (rating). */
export function helpTrackPath(code: string, token?: string | null): string {
  const base = `${HELP_PATH}/${encodeURIComponent(code)}`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

/**
 * The team page's query key, on its own so the public document can seed it with the team the server rendered the
 * page with (web/public-site/page-data.ts) without loading the teams queries.
 */
export const TEAMS_QUERY_KEY = 'teams' as const;

export function teamQueryKey(id: string | undefined) {
  return [TEAMS_QUERY_KEY, 'detail', id] as const;
}

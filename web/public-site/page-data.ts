import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { faqQueryKey, questionQueryKey } from '../features/questions/question-query';
import { teamQueryKey } from '../features/teams/team-query';

/**
 * Data a public page is rendered with on the server (server/platform/http/web-app.ts), by the name its entry in
 * PUBLIC_PAGES gives (`data: 'team'`): the server reads it as an anonymous visitor would through the API, renders
 * the page with it (render.tsx) and embeds it in the document as JSON, and the browser puts it in its query cache
 * before hydrating, so the page's first client render is the server's and no request waits for the script.
 */
export type PageData = Record<string, unknown>;

/** The element holding the embedded data: JSON, never executed (the CSP allows no inline script anyway). */
export const PAGE_DATA_ELEMENT_ID = 'cds-page-data';

interface PageDataUse {
  path: string;
  name: string;
  queryKey: (params: Record<string, string | undefined>) => QueryKey;
}

/** Which query each piece of page data answers: the team page's `useTeam(id)`, a question's, the FAQ's. */
const USES: readonly PageDataUse[] = [
  { path: '/teams/:id', name: 'team', queryKey: ({ id }) => teamQueryKey(id) },
  { path: '/questions/:id', name: 'question', queryKey: ({ id }) => questionQueryKey(id) },
  { path: '/faq', name: 'faq', queryKey: () => faqQueryKey() },
];

/** Puts the page's data in the query cache; returns the keys it filled. */
export function seedPageData(client: QueryClient, pathname: string, data: PageData): QueryKey[] {
  const seeded: QueryKey[] = [];
  for (const use of USES) {
    const match = matchPath(use.path, pathname);
    if (!match || data[use.name] === undefined || data[use.name] === null) continue;
    const key = use.queryKey(match.params);
    client.setQueryData(key, data[use.name]);
    seeded.push(key);
  }
  return seeded;
}

/** The data embedded in this document, or none. */
export function readPageData(doc: Document): PageData {
  const text = doc.getElementById(PAGE_DATA_ELEMENT_ID)?.textContent;
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as PageData) : {};
  } catch {
    return {};
  }
}

import type { CaseListFilters } from './cases-api';

/**
 * The public list's filters live in the URL (?category=&commune=&status=&from=&to=&view=), so a filtered list or
 * map can be bookmarked and shared, and the back button undoes a filter.
 */
export const FILTER_KEYS = ['category', 'commune', 'status', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ListView = 'list' | 'map';

const VALID: Record<FilterKey, RegExp> = {
  category: /^[\w-]{1,64}$/,
  commune: /^\d{5}$/,
  status: /^[a-z_]{1,20}$/,
  from: /^\d{4}-\d{2}-\d{2}$/,
  to: /^\d{4}-\d{2}-\d{2}$/,
};

/** The filters in a query string; a malformed value is dropped rather than sent (the server would refuse it). */
export function filtersOf(params: URLSearchParams): CaseListFilters {
  const filters: CaseListFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && VALID[key].test(value)) filters[key] = value;
  }
  return filters;
}

export function viewOf(params: URLSearchParams): ListView {
  return params.get('view') === 'map' ? 'map' : 'list';
}

/** The query string for these filters and view (empty ones left out; the list view is the default). */
export function searchOf(filters: CaseListFilters, view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (view === 'map') params.set('view', 'map');
  return params;
}

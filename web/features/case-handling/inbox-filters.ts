import { InboxQuerySchema } from '../../../shared/contracts/case-handling';

/**
 * The inbox's filters live in the address (`/cases?box=agency&state=submitted&overdue=true`), so a filtered list can
 * be bookmarked, shared with a colleague and survives a reload. A value the server would refuse is dropped here
 * rather than sent, so a mistyped address shows the unfiltered list instead of an error.
 */
export const FILTER_KEYS = [
  'box',
  'state',
  'kind',
  'severity',
  'category',
  'commune',
  'overdue',
  'q',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type InboxFilter = Partial<Record<FilterKey, string>>;

const FIELD_SCHEMAS = InboxQuerySchema.shape;

export function filterFromSearch(search: URLSearchParams): InboxFilter {
  const filter: InboxFilter = {};
  for (const key of FILTER_KEYS) {
    const raw = search.get(key)?.trim();
    if (!raw) continue;
    if (FIELD_SCHEMAS[key].safeParse(raw).success) filter[key] = raw;
  }
  // "Not overdue" is not a view anyone asked for: only the overdue list is offered.
  if (filter.overdue !== 'true') delete filter.overdue;
  return filter;
}

export function searchFromFilter(filter: InboxFilter): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** The box shown: the one asked for, else the one that fits the person (agency handlers see their agency first). */
export function boxOf(
  filter: InboxFilter,
  fallback: 'agency' | 'commune' | 'all',
): 'agency' | 'commune' | 'all' {
  return filter.box === 'agency' || filter.box === 'commune' || filter.box === 'all' ? filter.box : fallback;
}

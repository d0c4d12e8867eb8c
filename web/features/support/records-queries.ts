import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../../shared/contracts/paging';
import type { Service } from '../../../shared/contracts/services';
import { REVIEW_STATUSES, type SupportFilter, type SupportRecord } from '../../../shared/contracts/support';
import { apiFetch, buildUrl } from '../../app/api';
import { NARROW_QUERY, useMediaQuery } from '../../ui';

export const RECORDS_QUERY_KEY = 'support-records' as const;
/** Records a page: a record is a card about 560 px tall on a phone, so ten keep a page a few screens long. */
export const PHONE_PAGE_SIZE = 10;
export const WIDE_PAGE_SIZE = 25;

/** Drops empty filter values so the query key and the URL only carry what was chosen. */
export function cleanFilter(filter: SupportFilter): SupportFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''),
  ) as SupportFilter;
}

/**
 * A support list's filter in its address, so a page (a role home's tile) links to the list already filtered and a
 * filtered list can be bookmarked or shared: `?review=pending&unit=27712&team=…&member=…&service=…&from=2026-12-01
 * &to=…`. The names are the list's, not the API's (`team`, not `teamId`); a value the API would refuse (a review
 * status it does not know, a date that is not yyyy-mm-dd) is left out rather than failing the whole list.
 */
const SEARCH_NAMES = {
  review: 'review',
  unit: 'unit',
  teamId: 'team',
  memberId: 'member',
  service: 'service',
  from: 'from',
  to: 'to',
} as const satisfies Partial<Record<keyof SupportFilter, string>>;
type SearchKey = keyof typeof SEARCH_NAMES;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromSearch(search: URLSearchParams): SupportFilter {
  const filter: Record<string, string> = {};
  for (const [key, name] of Object.entries(SEARCH_NAMES) as [SearchKey, string][]) {
    const value = search.get(name)?.trim() ?? '';
    if (!value || value.length > 64) continue;
    if ((key === 'from' || key === 'to') && !DAY.test(value)) continue;
    if (key === 'review' && !(REVIEW_STATUSES as readonly string[]).includes(value)) continue;
    filter[key] = value;
  }
  return filter as SupportFilter;
}

/** The address's query for a filter ("?review=pending&unit=27712", or "" for none). */
export function searchOfFilter(filter: SupportFilter): string {
  const search = new URLSearchParams();
  for (const [key, name] of Object.entries(SEARCH_NAMES) as [SearchKey, string][]) {
    const value = filter[key];
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Cursor pages of GET /api/v1/support-records; the server scopes them to the caller. */
export function useRecordPages(filter: SupportFilter, pageSize: number) {
  const clean = cleanFilter(filter);
  return useInfiniteQuery({
    queryKey: [RECORDS_QUERY_KEY, clean, pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<SupportRecord>>('/api/v1/support-records', {
        query: { ...clean, limit: pageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * One page of records at a time (every support list): the cursor pages the server gives are kept, so "previous"
 * shows a page again without a request. A new filter or page size starts again at page 1.
 */
export function usePagedRecords(filter: SupportFilter) {
  const pageSize = useMediaQuery(NARROW_QUERY) ? PHONE_PAGE_SIZE : WIDE_PAGE_SIZE;
  const query = useRecordPages(filter, pageSize);
  const key = JSON.stringify([cleanFilter(filter), pageSize]);
  const [position, setPosition] = useState({ key, index: 0 });
  const loaded = query.data?.pages ?? [];
  // After a review the pages are refetched and may be fewer: stay on the last one there is.
  const requested = position.key === key ? position.index : 0;
  const index = Math.max(0, Math.min(requested, loaded.length - 1));
  return {
    query,
    records: loaded[index]?.items ?? [],
    page: index + 1,
    hasPrevious: index > 0,
    hasNext: index < loaded.length - 1 || query.hasNextPage,
    loadingNext: query.isFetchingNextPage,
    previous: () => setPosition({ key, index: index - 1 }),
    next: async () => {
      if (index >= loaded.length - 1) {
        const result = await query.fetchNextPage();
        if (result.isError) return;
      }
      setPosition({ key, index: index + 1 });
    },
  };
}
export type PagedRecords = ReturnType<typeof usePagedRecords>;

/** The whole catalogue (retired services too: old records still name them). */
export function useServiceCatalogue() {
  return useQuery({
    queryKey: ['services', 'all'],
    queryFn: ({ signal }) => apiFetch<{ items: Service[] }>('/api/v1/services', { signal }),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export interface ReviewInput {
  ids: string[];
  decision: 'reviewed' | 'flagged';
  note?: string | null;
}

export function useReviewRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) =>
      apiFetch<{ results: { id: string; status: string }[] }>('/api/v1/support-records/review', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [RECORDS_QUERY_KEY] }),
  });
}

/** The CSV export with the same filters as the list (a plain link: the browser downloads it with the session). */
export function exportCsvHref(filter: SupportFilter): string {
  return buildUrl('/api/v1/support-records/export.csv', { ...cleanFilter(filter) });
}

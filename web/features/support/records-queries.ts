import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/paging';
import type { Service } from '../../../shared/contracts/services';
import type { SupportFilter, SupportRecord } from '../../../shared/contracts/support';
import { apiFetch, buildUrl } from '../../app/api';

export const RECORDS_QUERY_KEY = 'support-records' as const;
const PAGE_SIZE = 50;

/** Drops empty filter values so the query key and the URL only carry what was chosen. */
export function cleanFilter(filter: SupportFilter): SupportFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''),
  ) as SupportFilter;
}

/** Cursor pages of GET /api/v1/support-records; the server scopes them to the caller. */
export function useRecordPages(filter: SupportFilter) {
  const clean = cleanFilter(filter);
  return useInfiniteQuery({
    queryKey: [RECORDS_QUERY_KEY, clean],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<SupportRecord>>('/api/v1/support-records', {
        query: { ...clean, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

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

import { useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/paging';
import type {
  ApiKey,
  AuditEntry,
  OutboxMail,
  UserDetail,
  UserListItem,
} from '../../../shared/contracts/accounts';
import type { HamletDetail } from '../../../shared/contracts/units';
import { apiFetch, type QueryValue } from '../../app/api';

/**
 * Reads of the administration screens. Lists use cursor pages ("Xem thêm"); filters are part of the query key, so
 * changing a filter starts again from the first page.
 */

export const ADMIN_QUERY_KEY = 'admin' as const;
const PAGE_SIZE = 50;

type Filters = Record<string, QueryValue>;

function useCursorList<T>(name: string, path: string, filters: Filters, enabled = true) {
  return useInfiniteQuery<Page<T>, Error, InfiniteData<Page<T>>, readonly unknown[], string | null>({
    queryKey: [ADMIN_QUERY_KEY, name, filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<T>>(path, {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** All rows loaded so far, in order. */
export function rowsOf<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

export interface UserFilters extends Filters {
  q?: string;
  role?: string;
  unit?: string;
}

export function useUsers(filters: UserFilters) {
  return useCursorList<UserListItem>('users', '/api/v1/users', filters);
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [ADMIN_QUERY_KEY, 'user', id],
    queryFn: ({ signal }) => apiFetch<UserDetail>(`/api/v1/users/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useHamlet(id: string) {
  return useQuery({
    queryKey: [ADMIN_QUERY_KEY, 'hamlet', id],
    queryFn: ({ signal }) => apiFetch<HamletDetail>(`/api/v1/hamlets/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useApiKeys() {
  return useCursorList<ApiKey>('apiKeys', '/api/v1/api-keys', {});
}

export interface AuditFilters extends Filters {
  actor?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function useAudit(filters: AuditFilters, enabled = true) {
  return useCursorList<AuditEntry>('audit', '/api/v1/audit', filters, enabled);
}

export function useOutbox() {
  return useCursorList<OutboxMail>('outbox', '/api/v1/outbox', {});
}

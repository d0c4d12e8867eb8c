import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/paging';
import type { AccessLogEntry, Breach } from '../../../shared/contracts/privacy';
import { ApiError, apiFetch, type QueryValue } from '../../app/api';
import { useSession } from '../../app/session';

/**
 * Reads of the province administrator's personal-data screens. Lists are cursor pages ("Xem thêm"); the filter is
 * part of the key, so changing it starts again from the first page.
 */
export const PRIVACY_ADMIN_KEY = 'privacy-admin-screens' as const;
export const BREACHES_PATH = '/api/v1/privacy/breaches';
const PAGE_SIZE = 50;

function useCursorList<T>(name: string, path: string, filters: Record<string, QueryValue>) {
  return useInfiniteQuery<Page<T>, Error, InfiniteData<Page<T>>, readonly unknown[], string | null>({
    queryKey: [PRIVACY_ADMIN_KEY, name, filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<T>>(path, {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** All rows loaded so far, in order. */
export function rowsOf<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

export function useBreaches(status: string | null) {
  return useCursorList<Breach>('breaches', BREACHES_PATH, { status });
}

export function breachKey(id: string) {
  return [PRIVACY_ADMIN_KEY, 'breach', id] as const;
}

export function useBreach(id: string) {
  return useQuery({
    queryKey: breachKey(id),
    queryFn: ({ signal }) => apiFetch<Breach>(`${BREACHES_PATH}/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAccessLog(subjectType: string | null) {
  return useCursorList<AccessLogEntry>('access-log', '/api/v1/privacy/access-log', { subjectType });
}

/**
 * The provinces whose register the caller keeps: the units of their province-administrator grants (as the working
 * calendar finds its province). The server still decides every write.
 */
export function useAdminProvinces(): { value: string; label: string }[] {
  const { me } = useSession();
  const grants = (me?.grants ?? []).filter((g) => g.role === 'province_admin' && /^\d{2}$/.test(g.unitCode));
  return [...new Map(grants.map((g) => [g.unitCode, g.unitName ?? g.unitCode] as const))].map(
    ([value, label]) => ({ value, label }),
  );
}

/** The server's own message in the reader's language (Vietnamese messageVi for vi), or a plain fallback. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('privacy');
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError ? error.messageIn(i18n.language) : t('common.unknownError'),
    [t, i18n.language],
  );
}

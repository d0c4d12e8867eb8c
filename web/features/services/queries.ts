import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/contracts/services';
import { ApiError, apiFetch } from '../../app/api';

/** Query key of the whole catalogue (both statuses): every edit on this screen refreshes it. */
export const SERVICES_QUERY_KEY = ['services', 'catalogue'] as const;

/** The whole catalogue, active and retired, so retired codes stay visible and can be re-activated. */
export function useServiceCatalogue() {
  return useQuery({
    queryKey: SERVICES_QUERY_KEY,
    queryFn: ({ signal }) => apiFetch<{ items: Service[] }>('/api/v1/services', { signal }),
  });
}

/** The server's own message in the reader's language (Vietnamese messageVi for vi), or a plain fallback. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('services');
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError ? error.messageIn(i18n.language) : t('page.unknownError'),
    [t, i18n.language],
  );
}

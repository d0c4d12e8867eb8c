import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../../../shared/contracts/calendar';
import { ApiError, apiFetch } from '../../app/api';

/** Every query of one province's calendar starts with this key, so an edit refreshes all its years. */
export const calendarQueryKey = (provinceCode: string) => ['calendar', provinceCode] as const;

/** One year of a province's calendar; the previous year stays on screen while the next one loads. */
export function useCalendarYear(provinceCode: string | null, year: number) {
  return useQuery({
    queryKey: [...calendarQueryKey(provinceCode ?? ''), year],
    queryFn: ({ signal }) =>
      apiFetch<CalendarYear>(`/api/v1/calendars/${encodeURIComponent(provinceCode ?? '')}`, {
        query: { year },
        signal,
      }),
    enabled: provinceCode !== null,
    placeholderData: keepPreviousData,
  });
}

/** The server's own message in the reader's language (Vietnamese messageVi for vi), or a plain fallback. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('calendar');
  return useCallback(
    (error: unknown) => (error instanceof ApiError ? error.messageIn(i18n.language) : t('page.unknownError')),
    [t, i18n.language],
  );
}

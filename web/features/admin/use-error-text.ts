import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';

/** The server's own message in the reader's language (it sends Vietnamese and English), or a plain fallback. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('admin');
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError ? error.messageIn(i18n.language) : t('common.unknownError'),
    [t, i18n.language],
  );
}

import { useTranslation } from 'react-i18next';
import { Alert } from '../ui';
import { ApiError } from './api';

/** The text to show for any thrown error: the server's own words in the reader's language, else a generic line. */
export function errorMessage(error: unknown, language: string, fallback: string): string {
  return error instanceof ApiError ? error.messageIn(language) : fallback;
}

/** An error box for a failed request (role="alert", so it is read out as it appears). */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation('app');
  if (!error) return null;
  return (
    <Alert tone="error" title={title}>
      <p>{errorMessage(error, i18n.language, t('errors.unexpected'))}</p>
    </Alert>
  );
}

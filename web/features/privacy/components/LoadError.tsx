import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { Alert, Button } from '../../../ui';
import { useErrorText } from '../queries';

/** A failed read: the server's reason, and a retry unless the answer was a refusal that will not change. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('privacy');
  const errorText = useErrorText();
  const notFound = error instanceof ApiError && error.status === 404;
  const final = error instanceof ApiError && (error.status === 403 || error.status === 404);
  return (
    <Alert tone="error" title={t('common.loadFailed')}>
      <p>{notFound ? t('common.notFound') : errorText(error)}</p>
      {!final && (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

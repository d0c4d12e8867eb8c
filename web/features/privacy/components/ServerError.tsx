import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { Alert } from '../../../ui';
import { useErrorText } from '../queries';

/**
 * A refused or failed request: the server's message in the reader's language, each detail it gave (those naming a
 * field also show beside that field), and the error code an official can quote when asking for help.
 */
export function ServerError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('privacy');
  const errorText = useErrorText();
  const english = !i18n.language.startsWith('vi');
  const details =
    error instanceof ApiError
      ? error.details.map((d) => (!english && d.messageVi ? d.messageVi : d.message)).filter(Boolean)
      : [];
  return (
    <Alert tone="error">
      <p>{errorText(error)}</p>
      {details.length > 0 && (
        <ul>
          {[...new Set(details)].map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && <p className="muted">{t('common.errorCode', { code: error.code })}</p>}
    </Alert>
  );
}

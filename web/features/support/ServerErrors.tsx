import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../offline/offline-db';

/** The server's reasons for refusing a record, in the reader's language, so the member knows what to fix. */
export function ServerErrors({ entry }: { entry: OutboxEntry }) {
  const { t, i18n } = useTranslation('support');
  const vietnamese = i18n.language.startsWith('vi');
  return (
    <>
      {entry.refusal && <p>{t(`outbox.refusal.${entry.refusal}`)}</p>}
      {entry.errors.length > 0 && (
        <ul>
          {entry.errors.map((error, index) => (
            <li key={`${error.path}-${index}`}>
              {vietnamese && error.messageVi ? error.messageVi : error.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { Alert, Button } from '../../ui';
import { fetchDuplicates, supportCase } from './cases-api';
import { trackPath } from './paths';
import { deviceId } from './device-id';

/**
 * Likely duplicates of the report being written (same category, within 200 m, last 30 days — the server decides):
 * "this is mine too" adds a +1 to that case instead of filing a new one. Quiet when there are none or the network
 * is down: the person can always carry on.
 */
export function DuplicateSuggestions({ category, lat, lng }: { category: string; lat: number; lng: number }) {
  const { t, i18n } = useTranslation('cases');
  const query = useQuery({
    queryKey: ['cases', 'duplicates', category, lat.toFixed(4), lng.toFixed(4)],
    queryFn: ({ signal }) => fetchDuplicates({ category, lat, lng }, signal),
    retry: false,
  });
  const [supported, setSupported] = useState<Record<string, number>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;

  async function support(id: string) {
    setFailure(null);
    try {
      const result = await supportCase(id, deviceId());
      setSupported((s) => ({ ...s, [id]: result.supporters }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    }
  }

  return (
    <section className="case-duplicates stack" aria-labelledby="case-duplicates-title">
      <h3 id="case-duplicates-title">{t('report.duplicatesTitle')}</h3>
      <p>{t('report.duplicatesLead')}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      <ul className="case-list" role="list">
        {items.map((item) => (
          <li key={item.id} className="case-list__item">
            <Link to={trackPath(item.code)} className="case-list__title">
              {item.title}
            </Link>
            <span className="muted">
              {item.code} · {t(`states.${item.state}`)}
              {item.distanceM !== undefined &&
                ` · ${t('report.duplicateDistance', { distance: Math.round(item.distanceM) })}`}
            </span>
            {supported[item.id] !== undefined ? (
              <p role="status">{t('report.supported')}</p>
            ) : (
              <Button variant="secondary" onClick={() => void support(item.id)}>
                {t('report.thisIsMine')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

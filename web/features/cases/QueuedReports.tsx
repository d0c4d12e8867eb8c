import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { Button } from '../../ui';
import type { ReportDraft } from './report-draft';

/** Reports written offline that wait on this device, with "send now" for when the person knows the line is back. */
export function QueuedReports({ version, onSend }: { version: number; onSend: () => void }) {
  const { t } = useTranslation('cases');
  const [queued, setQueued] = useState<ReportDraft[]>([]);
  useEffect(() => {
    let live = true;
    void import('./report-store')
      .then(({ reportDatabase }) =>
        reportDatabase().drafts.where('status').equals('queued').sortBy('updatedAt'),
      )
      .then((rows) => live && setQueued(rows));
    return () => {
      live = false;
    };
  }, [version]);
  if (queued.length === 0) return null;
  return (
    <section className="stack case-queued" aria-labelledby="case-queued-title">
      <h2 id="case-queued-title">{t('report.queuedTitle')}</h2>
      <ul role="list">
        {queued.map((draft) => (
          <li key={draft.id}>{t('report.queuedItem', { at: formatDateTime(draft.updatedAt) })}</li>
        ))}
      </ul>
      <Button variant="secondary" onClick={onSend}>
        {t('report.sendNow')}
      </Button>
    </section>
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RevisionListSchema } from '../../../shared/contracts/questions';
import { apiFetch } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert, Button } from '../../ui';

type Revisions = z.infer<typeof RevisionListSchema>;

/**
 * A question's edit history for moderators (GET …/revisions): when, who, what (the question or an answer), why, and
 * the text before the edit — except after a personal-data edit, whose removed text is never kept. Loaded only when
 * opened: most visits to a question never need it.
 */
export function EditHistory({ questionId }: { questionId: string }) {
  const { t } = useTranslation('questions');
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: ['questions', questionId, 'revisions'],
    queryFn: ({ signal }) =>
      apiFetch<Revisions>(`/api/v1/questions/${encodeURIComponent(questionId)}/revisions`, { signal }),
    enabled: open,
  });
  if (!open) {
    return (
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('staff.historyShow')}
        </Button>
      </div>
    );
  }
  return (
    <section className="stack" aria-labelledby="staff-history-title">
      <h3 id="staff-history-title">{t('staff.historyTitle')}</h3>
      {query.isError && <Alert tone="error">{t('staff.historyFailed')}</Alert>}
      {query.data && query.data.items.length === 0 && <p className="muted">{t('staff.historyNone')}</p>}
      {query.data && query.data.items.length > 0 && (
        <ol className="stack">
          {query.data.items.map((r) => (
            <li key={r.id}>
              <p>
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time> ·{' '}
                {r.editorName ?? t('staff.historyUnknownEditor')} ·{' '}
                {r.targetKind === 'question' ? t('staff.historyQuestion') : t('staff.historyAnswer')} ·{' '}
                <strong>
                  {r.reason === 'personal_data' ? t('staff.historyPersonalData') : t('staff.historyEdit')}
                </strong>
              </p>
              {r.note && <p className="muted">{r.note}</p>}
              {r.reason === 'personal_data' ? (
                <p className="muted">{t('staff.historyNotKept')}</p>
              ) : (
                <blockquote>
                  {r.beforeTitle && <p>{r.beforeTitle}</p>}
                  {r.beforeBody && <p>{r.beforeBody}</p>}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

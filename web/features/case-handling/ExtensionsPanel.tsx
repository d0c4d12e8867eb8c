import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { ApiError } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert, Button, Card, Tag, TextArea, TextField } from '../../ui';
import { extensionBody } from './action-forms';
import { useCaseWrite } from './queries';

type Extension = HandlerCase['extensions'][number];
const STATUS_TONES = { pending: 'warning', approved: 'success', rejected: 'neutral' } as const;

/**
 * Extensions of the handling deadline: a handler asks with a reason and a number of working days; a supervisor
 * approves or not. Shown only to those who may do one of the two, or when there is one to see.
 */
export function ExtensionsPanel({ caseView }: { caseView: HandlerCase }) {
  const { t, i18n } = useTranslation('case-handling');
  const mayRequest = caseView.can.includes('requestExtension');
  const mayDecide = caseView.can.includes('decideExtension');
  const request = useCaseWrite<{ reason: string; workingDays: number }>(caseView.id, 'extensions');
  const decide = useCaseWrite<{ extId: string; approve: boolean; note?: string }>(
    caseView.id,
    (b) => `extensions/${encodeURIComponent(b.extId)}/decision`,
    // The id goes in the address; the body keeps to the contract (approve, note).
    ({ extId: _extId, ...body }) => body,
  );
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const pending = caseView.extensions.some((x) => x.status === 'pending');
  if (!mayRequest && !mayDecide && caseView.extensions.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const result = extensionBody({ reason, days });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    try {
      await request.mutateAsync(result.body);
      setDone(t('extension.requested'));
      setReason('');
      setDays('');
    } catch {
      // request.error is shown below.
    }
  }

  async function decideOn(ext: Extension, approve: boolean) {
    setDone(null);
    try {
      await decide.mutateAsync({ extId: ext.id, approve, ...(note.trim() ? { note: note.trim() } : {}) });
      setDone(t('extension.decided'));
      setNote('');
    } catch {
      // decide.error is shown below.
    }
  }

  const error = request.error ?? decide.error;
  return (
    <Card title={t('extension.title')} aria-label={t('extension.title')}>
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {error && (
        <Alert tone="error">
          {error instanceof ApiError ? error.messageIn(i18n.language) : String(error)}
        </Alert>
      )}
      {caseView.extensions.length === 0 ? (
        <p className="muted">{t('extension.empty')}</p>
      ) : (
        <ul className="stack">
          {caseView.extensions.map((ext) => (
            <li key={ext.id}>
              <Tag tone={STATUS_TONES[ext.status]}>{t(`extension.status.${ext.status}`)}</Tag>{' '}
              {t('extension.line', { days: ext.workingDays, reason: ext.reason })}
              <br />
              <span className="muted">
                {t('extension.requestedBy', {
                  name: ext.requestedBy ?? '—',
                  when: formatDateTime(ext.requestedAt),
                })}
              </span>
              {ext.decidedAt && (
                <>
                  <br />
                  <span className="muted">
                    {t('extension.decidedBy', {
                      status: t(`extension.status.${ext.status}`),
                      name: ext.decidedBy ?? '—',
                      when: formatDateTime(ext.decidedAt),
                    })}
                    {ext.decisionNote ? ` — ${ext.decisionNote}` : ''}
                  </span>
                </>
              )}
              {mayDecide && ext.status === 'pending' && (
                <div className="stack">
                  <TextArea
                    label={t('extension.note')}
                    value={note}
                    rows={2}
                    maxLength={2000}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <div className="cluster">
                    <Button loading={decide.isPending} onClick={() => void decideOn(ext, true)}>
                      {t('extension.approve')}
                    </Button>
                    <Button variant="secondary" onClick={() => void decideOn(ext, false)}>
                      {t('extension.reject')}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayRequest && !pending && (
        <form onSubmit={submit} noValidate className="stack">
          <h3>{t('extension.request')}</h3>
          <TextArea
            label={t('extension.reason')}
            value={reason}
            rows={2}
            maxLength={2000}
            error={errors.reason ? t(errors.reason) : null}
            onChange={(e) => setReason(e.target.value)}
          />
          <TextField
            label={t('extension.days')}
            inputMode="numeric"
            value={days}
            maxLength={2}
            error={errors.days ? t(errors.days) : null}
            onChange={(e) => setDays(e.target.value)}
          />
          <div>
            <Button type="submit" loading={request.isPending}>
              {t('extension.submit')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

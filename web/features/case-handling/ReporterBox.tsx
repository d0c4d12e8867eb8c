import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { ApiError, apiFetch } from '../../app/api';
import { Alert, Button, Card, Dialog, TextField } from '../../ui';

const MIN_REASON = 5;

/**
 * Who sent the case, as handlers in scope see it: the name (always kept for them), the contact masked. "Xem số đầy
 * đủ" asks why, says the reveal is logged, and shows the full phone and e-mail only on this screen, only until it
 * is left (nothing is cached).
 */
export function ReporterBox({ caseView }: { caseView: HandlerCase }) {
  const { t, i18n } = useTranslation('case-handling');
  const { reporter } = caseView;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<{ phone: string | null; email: string | null } | null>(null);
  const formId = useId();
  const mayReveal =
    caseView.can.includes('revealContact') &&
    !reporter.anonymised &&
    (reporter.phoneMasked || reporter.emailMasked);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t('reporter.reasonTooShort'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const contact = await apiFetch<{ phone: string | null; email: string | null }>(
        `/api/v1/cases/${encodeURIComponent(caseView.id)}/reveal-contact`,
        { method: 'POST', body: { reason: reason.trim() } },
      );
      setRevealed(contact);
      setOpen(false);
    } catch (err) {
      setFailure(err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
    } finally {
      setBusy(false);
    }
  }

  const phone = revealed?.phone ?? null;
  const email = revealed?.email ?? null;
  return (
    <Card title={t('reporter.title')} aria-label={t('reporter.title')}>
      {reporter.anonymised && <p className="muted">{t('reporter.anonymised')}</p>}
      {reporter.blocked && <Alert tone="warning">{t('reporter.blocked')}</Alert>}
      <dl className="case-facts">
        <dt>{t('reporter.name')}</dt>
        <dd>
          {reporter.name ?? <span className="muted">{t('reporter.noName')}</span>}
          <br />
          <span className="muted">
            {reporter.showName ? t('reporter.shownPublicly') : t('reporter.hiddenPublicly')}
          </span>
        </dd>
        <dt>{t('reporter.phone')}</dt>
        <dd>
          {phone ? (
            <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('reporter.call', { phone })}>
              {phone}
            </a>
          ) : (
            (reporter.phoneMasked ?? <span className="muted">{t('reporter.none')}</span>)
          )}
        </dd>
        <dt>{t('reporter.email')}</dt>
        <dd>
          {email ? (
            <a href={`mailto:${email}`} aria-label={t('reporter.write', { email })}>
              {email}
            </a>
          ) : (
            (reporter.emailMasked ?? <span className="muted">{t('reporter.none')}</span>)
          )}
        </dd>
      </dl>
      {revealed && (
        <p className="muted" role="status">
          {t('reporter.logged')}
        </p>
      )}
      {mayReveal && !revealed && (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('reporter.reveal')}
        </Button>
      )}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('reporter.revealTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form={formId} loading={busy}>
              {t('reporter.confirm')}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} noValidate className="stack">
          <p>{t('reporter.revealBody')}</p>
          <TextField
            label={t('reporter.reason')}
            hint={t('reporter.reasonHint')}
            value={reason}
            error={reasonError}
            maxLength={300}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(null);
            }}
          />
          {failure && <Alert tone="error">{failure}</Alert>}
        </form>
      </Dialog>
    </Card>
  );
}

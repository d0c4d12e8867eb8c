import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealedPhone } from '../../../shared/contracts/privacy';
import { ApiError, apiFetch } from '../../app/api';
import { Alert, Button, Dialog, TextField } from '../../ui';

const MIN_REASON = 5;

/**
 * A masked phone number that a manager may reveal: a button opens a dialog asking why (the server writes the
 * reason to the personal-data access log), then the full number shows as a call link. Nothing is cached: leaving
 * the page forgets it.
 */
export function RevealPhone({ masked, path, name }: { masked: string; path: string; name: string }) {
  const { t, i18n } = useTranslation('privacy');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  if (phone) {
    return (
      <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('reveal.call', { phone })}>
        {phone}
      </a>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t('reveal.reasonTooShort'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const res = await apiFetch<RevealedPhone>(path, { method: 'POST', body: { reason: reason.trim() } });
      setPhone(res.phone);
      setOpen(false);
    } catch (err) {
      setFailure(err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <span>{masked}</span>{' '}
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t('reveal.buttonFor', { name })}>
        {t('reveal.button')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('reveal.title')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('reveal.cancel')}
            </Button>
            <Button type="submit" form={formId} loading={busy}>
              {t('reveal.confirm')}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} noValidate className="stack">
          <p>{t('reveal.body')}</p>
          <TextField
            label={t('reveal.reason')}
            hint={t('reveal.reasonHint')}
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
    </>
  );
}

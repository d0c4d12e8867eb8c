import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiFetch } from '../../app/api';
import { Alert, Button, Dialog, TextField } from '../../ui';

const MIN_REASON = 5;

/** The words of the dialog, from the calling feature's messages (each says what is revealed in its own terms). */
export interface RevealTexts {
  title: string;
  body: string;
  reason: string;
  reasonHint: string;
  reasonTooShort: string;
  cancel: string;
  confirm: string;
}

/**
 * The one way personal data is revealed on a screen: a dialog asks why, the server writes the reason to the
 * personal-data access log (Law 91/2025) and answers the full value, which the caller shows only while the page is
 * open (nothing is cached). Phones of members and users, reporters' contacts, help requesters' phones all use it.
 */
export function RevealReasonDialog<T>({
  open,
  onClose,
  path,
  texts,
  onRevealed,
}: {
  open: boolean;
  onClose: () => void;
  /** The POST route that logs the reason and answers the revealed value. */
  path: string;
  texts: RevealTexts;
  onRevealed: (value: T) => void;
}) {
  const { i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setReasonError(texts.reasonTooShort);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onRevealed(await apiFetch<T>(path, { method: 'POST', body: { reason: reason.trim() } }));
      onClose();
    } catch (err) {
      setFailure(err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={texts.title}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {texts.cancel}
          </Button>
          <Button type="submit" form={formId} loading={busy}>
            {texts.confirm}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="stack">
        <p>{texts.body}</p>
        <TextField
          label={texts.reason}
          hint={texts.reasonHint}
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
  );
}

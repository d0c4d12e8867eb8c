import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DATA_SUBJECT_REQUEST_KINDS,
  type DataSubjectRequestKind,
  type DataSubjectRequestStatusView,
} from '../../../shared/contracts/privacy';
import { ApiError, apiFetch, fieldErrorsOf } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert, Button, FormErrorSummary, PageHeader, RadioGroup, TextArea, TextField, type FormErrorItem } from '../../ui';

interface Filed {
  id: string;
  verifyBefore: string;
  sentTo: string;
}

const IDS = { kind: 'dsr-kind', contact: 'dsr-contact', description: 'dsr-description', code: 'dsr-code' } as const;

/**
 * Filing a request about one's own personal data, in three steps on one page: the request, the 6-digit code sent
 * to the phone or e-mail it is about, then the tracking code and the deadline (2 working days).
 */
export function RequestPage() {
  const { t, i18n } = useTranslation('privacy-requests');
  const [kind, setKind] = useState<DataSubjectRequestKind | null>(null);
  const [contact, setContact] = useState('');
  const [description, setDescription] = useState('');
  const [code, setCode] = useState('');
  const [filed, setFiled] = useState<Filed | null>(null);
  const [done, setDone] = useState<DataSubjectRequestStatusView | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (err) {
      const fields = fieldErrorsOf(err, i18n.language);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
    } finally {
      setBusy(false);
    }
  }

  function send(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!kind) missing.kind = t('required');
    if (!contact.trim()) missing.contact = t('required');
    if (description.trim().length < 3) missing.description = t('required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    void run(async () => {
      setFiled(
        await apiFetch<Filed>('/api/v1/privacy/requests', {
          method: 'POST',
          body: { kind, contact: contact.trim(), description: description.trim() },
        }),
      );
      setErrors({});
    });
  }

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setErrors({ code: t('required') });
      return;
    }
    void run(async () => {
      setDone(
        await apiFetch<DataSubjectRequestStatusView>(`/api/v1/privacy/requests/${filed!.id}/verify`, {
          method: 'POST',
          body: { code: code.trim() },
        }),
      );
      setErrors({});
    });
  }

  const summary: FormErrorItem[] = Object.entries(errors).map(([field, message]) => ({
    fieldId: IDS[field as keyof typeof IDS] ?? IDS.contact,
    message,
  }));

  return (
    <div className="stack">
      <PageHeader title={t('title')} />
      {failure && <Alert tone="error">{failure}</Alert>}
      {done ? (
        <section className="stack" aria-labelledby="dsr-done">
          <h2 id="dsr-done">{t('doneTitle')}</h2>
          <p>{t('doneCode', { code: done.code })}</p>
          {done.dueAt && <p>{t('doneDue', { due: formatDateTime(done.dueAt) })}</p>}
          <p>
            <Link to={`/privacy/requests/status?code=${encodeURIComponent(done.code)}`}>{t('followLink')}</Link>
          </p>
        </section>
      ) : filed ? (
        <form className="stack" onSubmit={confirm} noValidate aria-labelledby="dsr-code-title">
          <h2 id="dsr-code-title">{t('codeTitle')}</h2>
          <FormErrorSummary errors={summary} />
          <p>{t('codeSent', { to: filed.sentTo, until: formatDateTime(filed.verifyBefore) })}</p>
          <TextField
            id={IDS.code}
            label={t('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            error={errors.code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" loading={busy}>
            {t('confirm')}
          </Button>
        </form>
      ) : (
        <form className="stack" onSubmit={send} noValidate>
          <p>{t('lead')}</p>
          <FormErrorSummary errors={summary} />
          <RadioGroup
            id={IDS.kind}
            legend={t('kind')}
            name="kind"
            value={kind}
            error={errors.kind}
            onChange={(v) => setKind(v as DataSubjectRequestKind)}
            options={DATA_SUBJECT_REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <TextField
            id={IDS.contact}
            label={t('contact')}
            hint={t('contactHint')}
            autoComplete="tel"
            value={contact}
            error={errors.contact}
            onChange={(e) => setContact(e.target.value)}
          />
          <TextArea
            id={IDS.description}
            label={t('description')}
            hint={t('descriptionHint')}
            rows={4}
            maxLength={2000}
            value={description}
            error={errors.description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <Button type="submit" loading={busy}>
            {t('send')}
          </Button>
        </form>
      )}
    </div>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicCase } from '../../../shared/contracts/cases';
import { ApiError } from '../../app/api';
import { Alert, Button, Checkbox, RadioGroup, TextArea, TextField } from '../../ui';
import { disputeCase, followCase, rateCase, supportCase } from './cases-api';
import { useConsent } from './use-consent';
import { deviceId } from './device-id';

/** One small form's sending state: busy, the server's refusal in the reader's language, done. */
function useSend() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      setDone(true);
      // The case page reads the new state (rating, reopened, supporters) from the server.
      await queryClient.invalidateQueries({ queryKey: ['cases', 'track'] });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, done, run };
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stack case-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** "+1": the same problem for me too; a device counts once. */
export function SupportButton({ item }: { item: PublicCase }) {
  const { t } = useTranslation('cases');
  const send = useSend();
  if (send.done) return <p role="status">{t('support.done')}</p>;
  return (
    <div>
      {send.failure && <Alert tone="error">{send.failure}</Alert>}
      <Button
        variant="secondary"
        loading={send.busy}
        onClick={() => void send.run(() => supportCase(item.id, deviceId()))}
      >
        {t('support.button')}
      </Button>
    </div>
  );
}

/** Rating 1–5 with a comment, once answered; only with the reporter's token. */
export function RateForm({ item, token }: { item: PublicCase; token: string }) {
  const { t } = useTranslation('cases');
  const send = useSend();
  const [rating, setRating] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (send.done)
    return (
      <Alert tone="success" live>
        {t('rate.thanks')}
      </Alert>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!rating) return setError(t('rate.pick'));
    setError(undefined);
    void send.run(() =>
      rateCase(item.id, { token, rating: Number(rating), comment: comment.trim() || null }),
    );
  }
  return (
    <Panel id="case-rate-title" title={t('rate.title')}>
      <form className="stack" onSubmit={submit} noValidate>
        {send.failure && <Alert tone="error">{send.failure}</Alert>}
        <RadioGroup
          id="case-rating"
          legend={t('rate.legend')}
          name="rating"
          value={rating}
          error={error}
          onChange={setRating}
          options={['5', '4', '3', '2', '1'].map((v) => ({ value: v, label: t(`rate.stars.${v}`) }))}
        />
        <TextArea
          label={t('rate.comment')}
          optional
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Button type="submit" loading={send.busy}>
          {t('rate.send')}
        </Button>
      </form>
    </Panel>
  );
}

/** "Không đồng ý với kết quả": reopen once, within 7 days of the answer (the server says when via mayDispute). */
export function DisputeForm({ item, token }: { item: PublicCase; token: string }) {
  const { t } = useTranslation('cases');
  const send = useSend();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (send.done)
    return (
      <Alert tone="success" live>
        {t('dispute.sent')}
      </Alert>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 5) return setError(t('dispute.short'));
    setError(undefined);
    void send.run(() => disputeCase(item.id, { token, reason: reason.trim() }));
  }
  return (
    <Panel id="case-dispute-title" title={t('dispute.title')}>
      <p>{t('dispute.lead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        {send.failure && <Alert tone="error">{send.failure}</Alert>}
        <TextArea
          id="case-dispute-reason"
          label={t('dispute.reason')}
          rows={3}
          maxLength={2000}
          value={reason}
          error={error}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="submit" variant="secondary" loading={send.busy}>
          {t('dispute.send')}
        </Button>
      </form>
    </Panel>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Follow by e-mail, with the register's consent text (its version is sent). */
export function FollowForm({ item }: { item: PublicCase }) {
  const { t, i18n } = useTranslation('cases');
  const send = useSend();
  const [email, setEmail] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<{ email?: string; consent?: string }>({});
  const register = useConsent();
  const consent = register?.consentTextIn(i18n.language) ?? null;
  if (send.done)
    return (
      <Alert tone="success" live>
        {t('follow.sent')}
      </Alert>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...(EMAIL.test(email.trim()) ? {} : { email: t('errors.email') }),
      ...(agreed ? {} : { consent: t('errors.consent') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!register) return;
    const consentVersion = register.REPORT_CONSENT.version;
    void send.run(() => followCase(item.id, { email: email.trim(), consentVersion }));
  }
  return (
    <Panel id="case-follow-title" title={t('follow.title')}>
      <p>{t('follow.lead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        {send.failure && <Alert tone="error">{send.failure}</Alert>}
        <TextField
          id="case-follow-email"
          label={t('follow.email')}
          type="email"
          autoComplete="email"
          maxLength={254}
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        {consent && <p className="muted">{consent.text}</p>}
        <Checkbox
          id="case-follow-consent"
          label={t('follow.consent')}
          checked={agreed}
          error={errors.consent}
          onChange={(e) => setAgreed(e.target.checked)}
        />
        <Button type="submit" variant="secondary" loading={send.busy}>
          {t('follow.send')}
        </Button>
      </form>
    </Panel>
  );
}

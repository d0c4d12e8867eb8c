import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert, Button, RadioGroup, TextArea } from '../../ui';
import { rateHelpRequest } from './help-api';

const STARS = [5, 4, 3, 2, 1] as const;

/** The requester rates the help once it is done (1–5 and a comment), with the private link's token. */
export function RateForm({ code, token }: { code: string; token: string }) {
  const { t, i18n } = useTranslation('help-requests');
  const queryClient = useQueryClient();
  const [rating, setRating] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!rating) return setError(t('rate.choose'));
    setError(null);
    setBusy(true);
    setFailure(null);
    try {
      await rateHelpRequest(code, { token, rating: Number(rating), comment: comment.trim() || null });
      setSent(true);
      void queryClient.invalidateQueries({ queryKey: ['help-requests', 'track', code] });
    } catch (err) {
      setFailure(err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <Alert tone="success" live>
        {t('rate.thanks')}
      </Alert>
    );
  }
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="help-rate-title">
      <h2 id="help-rate-title">{t('rate.title')}</h2>
      <RadioGroup
        id="help-rate-stars"
        legend={t('rate.legend')}
        name="help-rating"
        options={STARS.map((n) => ({ value: String(n), label: t('rate.star', { count: n }) }))}
        value={rating}
        error={error}
        onChange={setRating}
      />
      <TextArea
        label={t('rate.comment')}
        optional
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {failure && <Alert tone="error">{t('rate.failed', { message: failure })}</Alert>}
      <Button type="submit" loading={busy}>
        {t('rate.submit')}
      </Button>
    </form>
  );
}

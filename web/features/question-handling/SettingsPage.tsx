import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert, Button, Checkbox, PageHeader, Skeleton, TextField } from '../../ui';
import { fetchSettings, updateSettings } from './staff-api';

/** The province's Q&A settings: the auto-hide threshold of open flags, and moderation of anonymous questions. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('question-handling');
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['questions', 'settings'],
    queryFn: ({ signal }) => fetchSettings(signal),
  });
  const [threshold, setThreshold] = useState('');
  const [moderateAnonymous, setModerateAnonymous] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!query.data) return;
    setThreshold(String(query.data.flagThreshold));
    setModerateAnonymous(query.data.moderateAnonymous);
  }, [query.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = Number(threshold);
    if (!Number.isInteger(value) || value < 1 || value > 50) {
      setError(t('settings.invalid'));
      return;
    }
    setError(null);
    setBusy(true);
    setMessage(null);
    try {
      const saved = await updateSettings({ flagThreshold: value, moderateAnonymous });
      queryClient.setQueryData(['questions', 'settings'], saved);
      setMessage({ tone: 'success', text: t('settings.saved') });
    } catch (failure) {
      const text = failure instanceof ApiError ? failure.messageIn(i18n.language) : String(failure);
      setMessage({ tone: 'error', text: t('settings.failed', { message: text }) });
    } finally {
      setBusy(false);
    }
  }

  if (query.isPending) return <Skeleton title lines={4} />;
  if (query.isError)
    return (
      <Alert tone="error">
        {query.error instanceof ApiError ? query.error.messageIn(i18n.language) : null}
      </Alert>
    );
  return (
    <div className="stack">
      <PageHeader title={t('settings.title')} />
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('settings.threshold')}
          hint={t('settings.thresholdHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          value={threshold}
          error={error}
          onChange={(e) => setThreshold(e.target.value)}
        />
        <Checkbox
          label={t('settings.moderateAnonymous')}
          checked={moderateAnonymous}
          onChange={(e) => setModerateAnonymous(e.target.checked)}
        />
        {message && (
          <Alert tone={message.tone} live>
            {message.text}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={busy}>
            {t('settings.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}

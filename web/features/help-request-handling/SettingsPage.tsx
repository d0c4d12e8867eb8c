import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert, Button, PageHeader, Skeleton, TextField } from '../../ui';
import { useHelpRequestSettings, useSaveHelpRequestSettings } from './queries';

/** A province administrator sets how many days a closed request's contact details are kept (7–3650). */
export function SettingsPage() {
  const { t, i18n } = useTranslation('help-request-handling');
  const settings = useHelpRequestSettings();
  const save = useSaveHelpRequestSettings();
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) setDays(String(settings.data.retentionDays));
  }, [settings.data]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < 7 || value > 3650) return setError(t('settings.daysError'));
    setError(null);
    save.mutate(value);
  }

  const failure =
    save.error instanceof ApiError
      ? save.error.messageIn(i18n.language)
      : save.error
        ? String(save.error)
        : null;
  return (
    <div className="stack">
      <PageHeader title={t('settings.title')} description={t('settings.lead')} />
      {settings.isPending && <Skeleton lines={3} />}
      {settings.isError && <Alert tone="error">{t('settings.loadFailed')}</Alert>}
      {settings.data && (
        <form className="stack" onSubmit={submit} noValidate>
          <TextField
            id="help-settings-days"
            label={t('settings.days')}
            hint={t('settings.daysHint')}
            type="number"
            inputMode="numeric"
            min={7}
            max={3650}
            value={days}
            error={error}
            onChange={(e) => setDays(e.target.value)}
          />
          {save.isSuccess && (
            <Alert tone="success" live>
              {t('settings.saved')}
            </Alert>
          )}
          {failure && <Alert tone="error">{t('settings.failed', { message: failure })}</Alert>}
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </form>
      )}
    </div>
  );
}

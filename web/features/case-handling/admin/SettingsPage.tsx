import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../../shared/contracts/case-admin';
import { ApiError } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { Alert, Button, Card, PageHeader, Skeleton, TextField, Toggle } from '../../../ui';
import { useCaseSettings, useWrite } from '../queries';
import { settingsBody, settingsDraftOf, type SettingsBody, type SettingsDraft } from './admin-forms';
import '../case-handling.css';

const DEADLINE_FIELDS = [
  'acceptWithinHours',
  'urgentWithinHours',
  'normalWithinDays',
  'complexWithinDays',
  'warnBeforeHours',
] as const;

/** A province's deadline policy (working hours and days) and how long reporters' contact details are kept. */
export function SettingsPage() {
  const { t } = useTranslation('case-handling');
  const settings = useCaseSettings();
  return (
    <div className="stack">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      {settings.isPending ? (
        <Skeleton lines={6} />
      ) : settings.isError ? (
        <Alert tone="error">{t('common.loadFailed')}</Alert>
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </div>
  );
}

function SettingsForm({ settings }: { settings: CaseSettings }) {
  const { t, i18n } = useTranslation('case-handling');
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsDraft, string>>>({});
  const [done, setDone] = useState(false);
  const write = useWrite<SettingsBody, CaseSettings>('PUT', '/api/v1/case-settings', ['settings']);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const result = settingsBody(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    try {
      await write.mutateAsync(result.body);
      setDone(true);
    } catch {
      // write.error is shown below.
    }
  }

  const field = (key: (typeof DEADLINE_FIELDS)[number] | 'retentionMonths') => (
    <TextField
      key={key}
      label={t(`settings.${key}`)}
      inputMode="decimal"
      value={draft[key]}
      maxLength={6}
      error={errors[key] ? t(errors[key]) : null}
      onChange={(e) => set(key, e.target.value)}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="stack reading">
      {settings.updatedAt && (
        <p className="muted">{t('settings.updatedAt', { when: formatDateTime(settings.updatedAt) })}</p>
      )}
      <Card title={t('settings.deadlinesTitle')}>
        <div className="stack">{DEADLINE_FIELDS.map(field)}</div>
      </Card>
      <Card title={t('settings.retentionTitle')}>
        <div className="stack">
          {field('retentionMonths')}
          <Toggle
            label={t('settings.moderateAnonymous')}
            checked={draft.moderateAnonymous}
            onChange={(e) => set('moderateAnonymous', e.target.checked)}
          />
        </div>
      </Card>
      <div aria-live="polite">{done && <Alert tone="success">{t('common.saved')}</Alert>}</div>
      {write.error && (
        <Alert tone="error">
          {write.error instanceof ApiError ? write.error.messageIn(i18n.language) : String(write.error)}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={write.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

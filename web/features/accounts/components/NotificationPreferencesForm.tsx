import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreference } from '../../../../shared/contracts/notifications';
import { Alert, Button, Card, Skeleton, Toggle } from '../../../ui';
import { ApiErrorAlert } from '../../../app/errors';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../queries';

type Channel = 'inApp' | 'email' | 'webhook' | 'digest';
const CHANNELS: Channel[] = ['inApp', 'email', 'digest', 'webhook'];

/** One group of switches per notification kind; kinds the app does not know yet show their code as the label. */
export function NotificationPreferencesForm() {
  const { t } = useTranslation('accounts');
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [items, setItems] = useState<NotificationPreference[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (preferences.data) setItems(preferences.data.items);
  }, [preferences.data]);

  const toggle = (kind: string, channel: Channel, value: boolean) => {
    setSaved(false);
    setItems((current) => current.map((item) => (item.kind === kind ? { ...item, [channel]: value } : item)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ items }, { onSuccess: () => setSaved(true) });
  };

  const webhookAvailable = preferences.data?.webhookAvailable ?? false;
  return (
    <Card title={t('preferences.title')}>
      <p className="muted">{t('preferences.description')}</p>
      {preferences.isPending && <Skeleton lines={4} />}
      {preferences.isError && <ApiErrorAlert error={preferences.error} />}
      {save.isError && <ApiErrorAlert error={save.error} />}
      {saved && (
        <Alert tone="success">
          <p>{t('preferences.saved')}</p>
        </Alert>
      )}
      {items.length > 0 && (
        <form onSubmit={submit}>
          {items.map((item) => (
            <div key={item.kind} className="preference">
              <fieldset className="fieldset">
                <legend>{t(`preferences.kinds.${item.kind}`, { defaultValue: item.kind })}</legend>
                <p className="field__hint">{t(`preferences.kindHints.${item.kind}`, { defaultValue: '' })}</p>
                {CHANNELS.filter((channel) => channel !== 'webhook' || webhookAvailable).map((channel) => (
                  <Toggle
                    key={channel}
                    label={t(`preferences.${channel}`)}
                    checked={item[channel]}
                    onChange={(event) => toggle(item.kind, channel, event.target.checked)}
                  />
                ))}
              </fieldset>
            </div>
          ))}
          <Button type="submit" loading={save.isPending}>
            {t('preferences.save')}
          </Button>
        </form>
      )}
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../shared/contracts/accounts';
import { Alert, Button, Card, FormErrorSummary, Select, TextField } from '../../../ui';
import { isLanguage, setLanguage } from '../../../app/i18n';
import { useUpdateProfile, type ProfileChanges } from '../queries';
import { useFormErrors } from '../form-errors';
import { checkName, checkOptionalPhone } from '../validation';

const FIELD_IDS = { name: 'profile-name', phone: 'profile-phone', locale: 'profile-locale' } as const;

/** Shows +84 numbers the way people write them (0…), which the server accepts back. */
function toNationalPhone(phone: string | null): string {
  if (!phone) return '';
  return phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
}

/** Name, phone and language; saving the language also switches the interface to it. */
export function ProfileDetailsForm({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation('accounts');
  const update = useUpdateProfile();
  const [name, setName] = useState(me.user.name);
  const [phone, setPhone] = useState(toNationalPhone(me.user.phone));
  const [locale, setLocale] = useState<'vi' | 'en'>(me.user.locale);
  const form = useFormErrors(FIELD_IDS);
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!form.check({ name: checkName(name), phone: checkOptionalPhone(phone) })) return;
    const cleanPhone = phone.replace(/[\s.-]/g, '');
    const body: ProfileChanges = { name: name.trim(), phone: cleanPhone || null, locale };
    update.mutate(body, {
      onSuccess: () => {
        setSaved(true);
        if (isLanguage(locale) && locale !== i18n.language) void setLanguage(locale);
      },
      onError: (error) => form.fail(error),
    });
  };

  return (
    <Card title={t('profile.infoTitle')}>
      <FormErrorSummary errors={form.summary} />
      {form.failureText && (
        <Alert tone="error">
          <p>{form.failureText}</p>
        </Alert>
      )}
      {saved && (
        <Alert tone="success">
          <p>{t('profile.saved')}</p>
        </Alert>
      )}
      {me.user.email && <p>{t('profile.emailReadOnly', { email: me.user.email })}</p>}
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.name}
          label={t('fields.name')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.messages.name}
        />
        <TextField
          id={FIELD_IDS.phone}
          label={t('fields.phone')}
          hint={t('profile.phoneHint')}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={form.messages.phone}
        />
        <Select
          id={FIELD_IDS.locale}
          label={t('fields.locale')}
          value={locale}
          onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'vi')}
          options={[
            { value: 'vi', label: t('locales.vi') },
            { value: 'en', label: t('locales.en') },
          ]}
        />
        <Button type="submit" loading={update.isPending}>
          {t('profile.save')}
        </Button>
      </form>
    </Card>
  );
}

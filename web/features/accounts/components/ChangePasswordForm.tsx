import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, FormErrorSummary, PasswordField } from '../../../ui';
import { NewPasswordFields } from './NewPasswordFields';
import { useChangePassword } from '../queries';
import { useFormErrors } from '../form-errors';
import { checkNewPassword, checkPasswordPresent, checkPasswordsMatch } from '../validation';

const FIELD_IDS = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmation: 'password-confirmation',
} as const;

export function ChangePasswordForm() {
  const { t } = useTranslation('accounts');
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const form = useFormErrors(FIELD_IDS);
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const valid = form.check({
      currentPassword: checkPasswordPresent(currentPassword),
      newPassword: checkNewPassword(newPassword),
      confirmation: checkPasswordsMatch(newPassword, confirmation),
    });
    if (!valid) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setDone(true);
          setCurrentPassword('');
          setNewPassword('');
          setConfirmation('');
        },
        onError: (error) => form.fail(error),
      },
    );
  };

  return (
    <Card title={t('profile.passwordTitle')}>
      <FormErrorSummary errors={form.summary} />
      {form.failureText && (
        <Alert tone="error">
          <p>{form.failureText}</p>
        </Alert>
      )}
      {done && (
        <Alert tone="success">
          <p>{t('profile.passwordChanged')}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <PasswordField
          id={FIELD_IDS.currentPassword}
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={form.messages.currentPassword}
        />
        <NewPasswordFields
          ids={{ password: FIELD_IDS.newPassword, confirmation: FIELD_IDS.confirmation }}
          password={newPassword}
          confirmation={confirmation}
          onPasswordChange={setNewPassword}
          onConfirmationChange={setConfirmation}
          errors={{ password: form.messages.newPassword, confirmation: form.messages.confirmation }}
        />
        <Button type="submit" loading={change.isPending}>
          {t('profile.passwordSubmit')}
        </Button>
      </form>
    </Card>
  );
}

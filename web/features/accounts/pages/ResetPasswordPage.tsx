import '../accounts.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, FormErrorSummary, PageHeader } from '../../../ui';
import { apiFetch } from '../../../app/api';
import { flashState } from '../../../app/flash';
import { SIGN_IN_PATH } from '../../../app/session';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useFormErrors } from '../form-errors';
import { checkNewPassword, checkPasswordsMatch } from '../validation';

const FIELD_IDS = { password: 'reset-password', confirmation: 'reset-confirmation' } as const;

/** Opened from the e-mailed link (`/reset-password?token=…`); a used or expired link says so and offers a new one. */
export function ResetPasswordPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const form = useFormErrors(FIELD_IDS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      password: checkNewPassword(password),
      confirmation: checkPasswordsMatch(password, confirmation),
    });
    if (!valid) return;
    setBusy(true);
    try {
      await apiFetch('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
      navigate(SIGN_IN_PATH, { replace: true, state: flashState('success', 'accounts:flash.passwordReset') });
    } catch (caught) {
      form.fail(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <div className="reading">
        <PageHeader title={t('reset.title')} />
        <Alert tone="error">
          <p>{t('reset.missingToken')}</p>
        </Alert>
        <Link to="/forgot-password">{t('reset.requestNew')}</Link>
      </div>
    );
  }

  return (
    <div className="reading">
      <PageHeader title={t('reset.title')} description={t('reset.description')} />
      <FormErrorSummary errors={form.summary} />
      {form.failureText && (
        <Alert tone="error" title={t('reset.failed')}>
          <p>{form.failureText}</p>
          <p>
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <NewPasswordFields
          ids={FIELD_IDS}
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          errors={{ password: form.messages.password, confirmation: form.messages.confirmation }}
        />
        <Button type="submit" loading={busy}>
          {t('reset.submit')}
        </Button>
      </form>
    </div>
  );
}

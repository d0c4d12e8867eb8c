import '../accounts.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, FormErrorSummary, PageHeader, TextField } from '../../../ui';
import { ApiError, apiFetch } from '../../../app/api';
import { SIGN_IN_PATH } from '../../../app/session';
import { useFormErrors } from '../form-errors';
import { checkEmailOrPhone, signInIdentifier } from '../validation';

const EMAIL_ID = 'forgot-email';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account, so this page never
 * reveals who is registered.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('accounts');
  const [email, setEmail] = useState('');
  const form = useFormErrors({ email: EMAIL_ID });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ email: checkEmailOrPhone(email) })) return;
    setBusy(true);
    try {
      await apiFetch('/api/v1/auth/password-reset', { method: 'POST', body: signInIdentifier(email) });
      setSentTo(email.trim());
    } catch (caught) {
      // Only what the person can act on is shown (a bad address, no network, too many tries); any other answer
      // still says "check your mail", so the page never tells whether an account exists.
      const actionable =
        caught instanceof ApiError &&
        (caught.code === 'VALIDATION' || caught.status === 0 || caught.status === 429);
      if (actionable) form.fail(caught);
      else setSentTo(email.trim());
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div className="reading">
        <PageHeader title={t('forgot.sentTitle')} />
        <Alert tone="success">
          <p>{t('forgot.sentBody', { email: sentTo })}</p>
        </Alert>
        <Link to={SIGN_IN_PATH}>{t('forgot.backToSignIn')}</Link>
      </div>
    );
  }

  return (
    <div className="reading">
      <PageHeader title={t('forgot.title')} description={t('forgot.description')} />
      <FormErrorSummary errors={form.summary} />
      {form.failureText && (
        <Alert tone="error">
          <p>{form.failureText}</p>
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={EMAIL_ID}
          label={t('fields.emailOrPhone')}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.messages.email}
        />
        <div className="cluster">
          <Button type="submit" loading={busy}>
            {t('forgot.submit')}
          </Button>
          <Link to={SIGN_IN_PATH}>{t('forgot.backToSignIn')}</Link>
        </div>
      </form>
    </div>
  );
}

import '../accounts.css';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  buttonClass,
  FormErrorSummary,
  PageHeader,
  PasswordField,
  TextField,
} from '../../../ui';
import { flashState } from '../../../app/flash';
import { ROLE_HOME_PATH, safeNextPath, useSession } from '../../../app/session';
import { DemoAccounts } from '../components/DemoAccounts';
import type { DemoAccount } from '../queries';
import { useFormErrors } from '../form-errors';
import { checkEmailOrPhone, checkPasswordPresent, signInIdentifier } from '../validation';

// One field for an e-mail or a phone number; the server's field errors come back under either name.
const FIELD_IDS = { email: 'sign-in-identifier', phone: 'sign-in-identifier', password: 'sign-in-password' } as const;

export function SignInPage() {
  const { t } = useTranslation('accounts');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELD_IDS);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ email: checkEmailOrPhone(identifier), password: checkPasswordPresent(password) })) return;
    setBusy(true);
    try {
      await session.signIn(signInIdentifier(identifier), password);
      navigate(safeNextPath(params.get('next'), ROLE_HOME_PATH), { replace: true });
    } catch (error) {
      form.fail(error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const fillDemoAccount = (account: DemoAccount) => {
    setIdentifier(account.email);
    setPassword(account.password);
    form.clear();
    setAnnouncement(t('demo.filled', { name: account.name }));
    submitRef.current?.focus();
  };

  if (session.status === 'signedIn' && session.me && !busy) {
    return (
      <div className="reading">
        <PageHeader title={t('signIn.title')} />
        <p>{t('signIn.alreadySignedIn', { name: session.me.user.name })}</p>
        <div className="cluster">
          <Link to="/" className={buttonClass('primary')}>
            {t('signIn.goHome')}
          </Link>
          <Button
            variant="secondary"
            onClick={() =>
              void session
                .signOut()
                .then(() => navigate('.', { state: flashState('success', 'accounts:flash.signedOut') }))
            }
          >
            {t('signIn.signOut')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="auth-layout">
      <div className="auth-layout__form">
        <PageHeader title={t('signIn.title')} description={t('signIn.description')} />
        <FormErrorSummary errors={form.summary} />
        {form.failureText && (
          <Alert tone="error" title={t('signIn.failed')}>
            <p>{form.failureText}</p>
          </Alert>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id={FIELD_IDS.email}
            label={t('fields.emailOrPhone')}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={identifier}
            onChange={(event) => setIdentifier(event.target.value)}
            error={form.messages.email ?? form.messages.phone}
          />
          <PasswordField
            id={FIELD_IDS.password}
            label={t('fields.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={form.messages.password}
          />
          <div className="cluster">
            <Button type="submit" loading={busy} ref={submitRef}>
              {t('signIn.submit')}
            </Button>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </div>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </form>
      </div>
      <div className="auth-layout__aside">
        <DemoAccounts onUse={fillDemoAccount} />
      </div>
    </div>
  );
}

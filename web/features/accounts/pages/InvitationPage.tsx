import '../accounts.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { AcceptInvitationBody, InvitationView } from '../../../../shared/contracts/accounts';
import {
  Alert,
  Button,
  Card,
  FormErrorSummary,
  PageHeader,
  PasswordField,
  Skeleton,
  TextField,
} from '../../../ui';
import { ApiError, apiFetch } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/errors';
import { flashState } from '../../../app/flash';
import { formatDateTime } from '../../../app/format';
import { ROLE_HOME_PATH, useSession } from '../../../app/session';
import { useInvitation } from '../queries';
import { roleLabelKey } from '../roles';
import { useFormErrors } from '../form-errors';
import { checkEmail, checkName, checkPasswordPresent } from '../validation';

const FIELD_IDS = { name: 'invite-name', email: 'invite-email', password: 'invite-password' } as const;

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const { t } = useTranslation('accounts');
  const { refresh } = useSession();
  const navigate = useNavigate();
  const needsEmail = !invitation.email;
  // Invited by phone: the account signs in with that number, so an e-mail is optional.
  const emailOptional = needsEmail && invitation.phoneMasked !== null;
  const [name, setName] = useState(invitation.name);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELD_IDS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The password may be an existing account's current one, so only its presence is checked here; the server
    // applies the 10-character rule to new accounts.
    const valid = form.check({
      name: checkName(name),
      email: needsEmail && !(emailOptional && !email.trim()) ? checkEmail(email) : null,
      password: checkPasswordPresent(password),
    });
    if (!valid) return;
    const body: AcceptInvitationBody = {
      name: name.trim(),
      password,
      ...(needsEmail && email.trim() ? { email: email.trim() } : {}),
    };
    setBusy(true);
    try {
      await apiFetch(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body });
      await refresh();
      // Accepting signs in (the answer sets the session cookie): land where signing in lands, on the role home.
      navigate(ROLE_HOME_PATH, {
        replace: true,
        state: flashState('success', 'accounts:flash.invitationAccepted'),
      });
    } catch (caught) {
      form.fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('invitation.formTitle')}>
      <FormErrorSummary errors={form.summary} />
      {form.failureText && (
        <Alert tone="error" title={t('invitation.failed')}>
          <p>{form.failureText}</p>
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={FIELD_IDS.name}
          label={t('fields.name')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.messages.name}
        />
        {needsEmail ? (
          <TextField
            id={FIELD_IDS.email}
            label={t('fields.email')}
            hint={
              emailOptional
                ? t('invitation.emailOptionalHint', { phone: invitation.phoneMasked })
                : t('invitation.emailHint')
            }
            type="email"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.messages.email}
          />
        ) : (
          <p>{t('profile.emailReadOnly', { email: invitation.email })}</p>
        )}
        <PasswordField
          id={FIELD_IDS.password}
          label={t('fields.password')}
          hint={`${t('fields.passwordHint')} ${t('invitation.existingHint')}`}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.messages.password}
        />
        <Button type="submit" loading={busy}>
          {t('invitation.submit')}
        </Button>
      </form>
    </Card>
  );
}

/** `/invitations/:token`: who invites you to what, then a short form that creates the account and signs in. */
export function InvitationPage() {
  const { t } = useTranslation('accounts');
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

  if (invitation.isPending) {
    return (
      <div className="reading">
        <PageHeader title={t('invitation.title')} />
        <Skeleton lines={4} />
      </div>
    );
  }
  if (invitation.isError) {
    const gone = invitation.error instanceof ApiError && [400, 404].includes(invitation.error.status);
    return (
      <div className="reading">
        <PageHeader title={gone ? t('invitation.invalidTitle') : t('invitation.title')} />
        {gone ? <p>{t('invitation.invalidBody')}</p> : <ApiErrorAlert error={invitation.error} />}
      </div>
    );
  }

  const view = invitation.data;
  return (
    <div className="reading stack-lg">
      <div>
        <PageHeader title={t('invitation.title')} />
        <p>
          <strong>{t('invitation.greeting', { name: view.name })}</strong>{' '}
          {t('invitation.intro', { role: t(roleLabelKey(view.role)), unit: view.unitName })}
        </p>
        <p className="muted">{t('invitation.expires', { date: formatDateTime(view.expiresAt) })}</p>
      </div>
      <AcceptForm token={token} invitation={view} />
    </div>
  );
}

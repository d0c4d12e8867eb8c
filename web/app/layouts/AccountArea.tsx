import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountMenu } from '../../features/accounts/components/AccountMenu';
import { SIGN_IN_PATH, useSession } from '../session';

/** The account menu when signed in, otherwise a sign-in link (except on the sign-in page itself). */
export function AccountArea() {
  const { t } = useTranslation('app');
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signedIn' && session.me) return <AccountMenu me={session.me} />;
  if (session.status === 'loading' || location.pathname === SIGN_IN_PATH) return null;
  return (
    <Link to={SIGN_IN_PATH} className="sign-in-link">
      {t('account.signIn')}
    </Link>
  );
}

import { useTranslation } from 'react-i18next';
import type { CaptureSession } from '../features/support/capture-session';
import { useOutboxOwner } from '../features/support/outbox-owner';
import { CAPTURE_SIGN_IN_PATH, MY_RECORDS_PATH, OUTBOX_PATH } from '../features/support/paths';
import { useOutboxEntries, useSyncStatus } from '../offline/use-outbox';
import { LanguageSwitch } from '../app/layouts/LanguageSwitch';

/**
 * The capture page's small header: the product name (back to the app), the language, how many records wait on
 * this device, the member's history, and a sign-in link once the session is gone. Links to the app are ordinary
 * page loads.
 */
export function CaptureHeader({ session }: { session: CaptureSession }) {
  const { t } = useTranslation('app');
  const { t: ts } = useTranslation('support');
  const { userId, signedOut } = useOutboxOwner(session);
  const entries = useOutboxEntries(userId);
  const sync = useSyncStatus();
  const waiting = entries?.filter((e) => e.state === 'waiting').length ?? 0;
  const needsSignIn = signedOut || sync.needsSignIn;

  return (
    <header className="site-header">
      <div className="container site-header__bar capture-header__bar">
        <a href="/" className="brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span>{t('productName')}</span>
        </a>
        <LanguageSwitch />
      </div>
      <nav className="capture-header__nav" aria-label={t('nav.label')}>
        <div className="container cluster">
          <a href={OUTBOX_PATH} className="capture-header__count">
            {ts('captureHeader.waiting', { count: waiting })}
          </a>
          {session.status === 'signedIn' && <a href={MY_RECORDS_PATH}>{ts('nav.mine')}</a>}
          {needsSignIn && (
            <a href={CAPTURE_SIGN_IN_PATH} className="sign-in-link">
              {t('account.signIn')}
            </a>
          )}
        </div>
      </nav>
    </header>
  );
}

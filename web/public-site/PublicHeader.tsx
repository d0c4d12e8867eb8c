import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../app/layouts/LanguageSwitch';
import { SIGN_IN_PATH, useSession } from '../app/session';
import { DIRECTORY_PATH } from '../features/teams/paths';

/** The public pages a visitor moves between (labels in the frame's own namespace). */
const PUBLIC_NAV = [
  { to: '/', labelKey: 'nav.home' },
  { to: DIRECTORY_PATH, labelKey: 'nav.directory' },
  { to: '/report', labelKey: 'nav.report' },
  { to: '/reports', labelKey: 'nav.reports' },
];

/** Where a staff member's work starts (the staff app's role home). */
export const WORKSPACE_PATH = '/home';

/**
 * "Đăng nhập" for visitors, "Trang làm việc" once /api/v1/me (asked after the page is up) says someone is signed
 * in. Both are plain links: the staff app is another document.
 */
function AccountLink() {
  const { t } = useTranslation('public-site');
  const session = useSession();
  if (session.status === 'signedIn') {
    return (
      <a href={WORKSPACE_PATH} className="sign-in-link">
        {t('account.workspace')}
      </a>
    );
  }
  return (
    <a href={SIGN_IN_PATH} className="sign-in-link">
      {t('app:account.signIn')}
    </a>
  );
}

/**
 * The public header: the product name and the account link in the bar, then the public pages and the language
 * switch, always shown (two links need no menu button, and they work before the script has run).
 */
export function PublicHeader() {
  const { t } = useTranslation('public-site');
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span>{t('app:productName')}</span>
        </Link>
        <AccountLink />
      </div>
      <nav className="public-nav" aria-label={t('nav.label')}>
        <div className="container public-nav__inner">
          <ul className="nav-list public-nav__list">
            {PUBLIC_NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
          <LanguageSwitch />
        </div>
      </nav>
    </header>
  );
}

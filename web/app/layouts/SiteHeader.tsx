import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { Icon } from '../../ui';
import { AccountMenu } from '../../features/accounts/components/AccountMenu';
import { NotificationBell } from '../../features/accounts/components/NotificationBell';
import { features, isNavItemVisible, type NavItem } from '../features';
import { SIGN_IN_PATH, useSession } from '../session';
import { LanguageSwitch } from './LanguageSwitch';

function NavList({ items, labelledBy }: { items: NavItem[]; labelledBy?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="nav-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end reloadDocument={item.reloadDocument}>
            {t(item.labelKey)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The account menu when signed in, otherwise a sign-in link (except on the sign-in page itself). */
function AccountArea() {
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

/**
 * The product name, the notification bell and, behind "Menu" on phones (always open from 900 px), the features'
 * navigation filtered by what /me allows, the language switch and the account menu. From 900 px the language switch
 * and account menu move up into the bar; the copy that is not shown is display:none, so it is never read twice.
 */
export function SiteHeader() {
  const { t } = useTranslation('app');
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const signedIn = session.status === 'signedIn';

  useEffect(() => setOpen(false), [location.pathname]);

  const visible = features.navItems.filter((item) => isNavItemVisible(item, { signedIn, can: session.can }));
  const main = visible.filter((item) => item.area !== 'admin');
  const admin = visible.filter((item) => item.area === 'admin');

  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span>{t('productName')}</span>
        </Link>
        <div className="wide-only">
          <LanguageSwitch />
        </div>
        {signedIn && <NotificationBell />}
        <div className="wide-only">
          <AccountArea />
        </div>
        <button
          type="button"
          className="menu-toggle narrow-only"
          aria-expanded={open}
          aria-controls="site-nav"
          onClick={() => setOpen((value) => !value)}
        >
          <Icon name={open ? 'close' : 'menu'} />
          <span className="menu-toggle__text">{t('nav.menu')}</span>
        </button>
      </div>
      <nav
        id="site-nav"
        className={open ? 'site-nav is-open' : 'site-nav'}
        aria-label={t('nav.label')}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            setOpen(false);
            document.querySelector<HTMLButtonElement>('.menu-toggle')?.focus();
          }
        }}
      >
        <div className="container site-nav__inner">
          <div>
            <NavList items={main} />
            {admin.length > 0 && (
              <>
                <p className="nav-group-label" id="nav-admin-label">
                  {t('nav.adminGroup')}
                </p>
                <NavList items={admin} labelledBy="nav-admin-label" />
              </>
            )}
          </div>
          <div className="site-nav__tools narrow-only">
            <LanguageSwitch />
            <AccountArea />
          </div>
        </div>
      </nav>
    </header>
  );
}

import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '../../ui';
import { NotificationBell } from '../../features/accounts/components/NotificationBell';
import type { NavItem } from '../features';
import { ROLE_HOME_PATH, useSession } from '../session';
import { AccountArea } from './AccountArea';
import { LanguageSwitch } from './LanguageSwitch';
import { NavList } from './NavLinks';

/**
 * The product name (to the role home when signed in, else the public home) and the notification bell. Signed in,
 * the navigation lives in the side navigation (from 900 px) or the bottom bar (phones) and this bar holds, from
 * 900 px, the language switch and the account menu. Signed out, the public links (and sign-in) sit behind "Menu" on
 * phones, always open from 900 px; the copy of the language switch and sign-in link that is not shown is
 * display:none, so it is never read twice.
 */
export function SiteHeader({ staff, publicItems }: { staff: boolean; publicItems: NavItem[] }) {
  const { t } = useTranslation('app');
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);

  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to={staff ? ROLE_HOME_PATH : '/'} className="brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span>{t('productName')}</span>
        </Link>
        <div className="wide-only">
          <LanguageSwitch />
        </div>
        {session.status === 'signedIn' && <NotificationBell />}
        <div className="wide-only">
          <AccountArea />
        </div>
        {!staff && (
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
        )}
      </div>
      {!staff && (
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
            <Suspense fallback={null}>
              <NavList items={publicItems} />
            </Suspense>
            <div className="site-nav__tools narrow-only">
              <LanguageSwitch />
              <AccountArea />
            </div>
          </div>
        </nav>
      )}
    </header>
  );
}

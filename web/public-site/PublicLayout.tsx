import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SiteFooter } from '../app/layouts/SiteFooter';
import { PublicHeader } from './PublicHeader';

/**
 * The public pages' frame: the same skip link, main region and footer as the staff app's, with a lighter header.
 * After an in-document navigation focus moves to the main region, as in the staff app.
 */
export function PublicLayout() {
  const { t } = useTranslation('app');
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        {t('skipLink')}
      </a>
      <PublicHeader />
      <main id="main-content" className="main public-main" tabIndex={-1} ref={mainRef}>
        {/* A page waiting for messages its route did not load (a member's shortcuts on the home page). */}
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}

import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Alert, Skeleton } from '../../ui';
import { readFlash } from '../flash';
import { BottomBar } from './BottomBar';
import { SideNav } from './SideNav';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { NavigationProgress, OfflineBar, ServiceWorkerBar } from './StatusBars';
import { useNavigation } from './use-navigation';
import './navigation.css';

/** A message handed over by the previous page (e.g. "You are signed out"), read out once. */
function FlashMessage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = readFlash(location.state);
  if (!flash) return null;
  return (
    <Alert tone={flash.tone} live>
      <p>{t(flash.messageKey)}</p>
    </Alert>
  );
}

/**
 * Every page's frame. Signed in, the navigation is grouped by task: a side navigation from 900 px, a bottom bar
 * with "More" on phones; each appears once its items' labels (their features' messages) are loaded. After an in-app navigation focus moves to the main region, so keyboard and screen-reader
 * users start at the new content instead of the top of a page they did not reload.
 */
export function AppLayout() {
  const { t } = useTranslation('app');
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { staff, publicItems } = useNavigation();

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className={staff ? 'app app--staff' : 'app'}>
      <a className="skip-link" href="#main-content">
        {t('skipLink')}
      </a>
      <SiteHeader staff={staff !== null} publicItems={publicItems} />
      <OfflineBar />
      <ServiceWorkerBar />
      <NavigationProgress />
      <div className="app__body">
        {staff && (
          <Suspense fallback={null}>
            <SideNav nav={staff} />
          </Suspense>
        )}
        <main id="main-content" className="main" tabIndex={-1} ref={mainRef}>
          <FlashMessage />
          {/* A page reading a namespace its route did not load waits here for it (message-loading.ts). */}
          <Suspense fallback={<Skeleton title block lines={3} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <SiteFooter />
      {staff && (
        <Suspense fallback={null}>
          <BottomBar nav={staff} />
        </Suspense>
      )}
      <ScrollRestoration />
    </div>
  );
}

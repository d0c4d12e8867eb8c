import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CapturePage } from '../features/support/CapturePage';
import { OutboxPage } from '../features/support/OutboxPage';
import { OUTBOX_PATH } from '../features/support/paths';
import { CaptureHeader } from './CaptureHeader';
import { useCaptureSession } from './use-capture-session';
import { useCaptureView } from './use-capture-view';

/**
 * The standalone capture page (capture.html): the form and the outbox as views of one small document, with no
 * router and no query cache, so it loads fast on a weak connection and opens offline from the service worker.
 * `statusBar` shows under the header (the service worker's "new version" bar).
 */
export function CaptureApp({ statusBar }: { statusBar?: ReactNode }) {
  const { t } = useTranslation('app');
  const session = useCaptureSession();
  const { view, key, go } = useCaptureView();
  const mainRef = useRef<HTMLElement>(null);
  const shownKey = useRef(key);

  // After a change of view, focus moves to the new content (as after an in-app navigation) and the page starts at the top.
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    window.scrollTo({ top: 0 });
    mainRef.current?.focus({ preventScroll: true });
  }, [key]);

  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        {t('skipLink')}
      </a>
      <CaptureHeader session={session} />
      {statusBar}
      <main id="main-content" className="main" tabIndex={-1} ref={mainRef}>
        {view.name === 'outbox' ? (
          <OutboxPage session={session} />
        ) : (
          <CapturePage
            key={view.editId ?? view.prefill?.helpRequestId ?? 'new'}
            session={session}
            editId={view.editId}
            prefill={view.prefill ?? null}
            onEditSaved={() => go(OUTBOX_PATH)}
          />
        )}
      </main>
    </div>
  );
}

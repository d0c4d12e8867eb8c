import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';
import { Button } from '../../ui';
import {
  applyUpdate,
  dismissOfflineReady,
  dismissUpdate,
  useServiceWorkerState,
} from '../../offline/register-sw';

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/** Says plainly when the phone has no connection, so a failed request is not a mystery. */
export function OfflineBar() {
  const { t } = useTranslation('app');
  const online = useOnline();
  if (online) return null;
  return (
    <div className="status-bar status-bar--offline" role="status">
      <div className="container">{t('status.offline')}</div>
    </div>
  );
}

/** A new version waits for the reader's go-ahead; "ready offline" is confirmed once after the first visit. */
export function ServiceWorkerBar() {
  const { t } = useTranslation('app');
  const { needRefresh, offlineReady } = useServiceWorkerState();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="status-bar alert--info" role="status">
      <div className="container cluster">
        <span>{needRefresh ? t('status.updateReady') : t('status.offlineReady')}</span>
        <span className="cluster">
          {needRefresh && <Button onClick={() => void applyUpdate()}>{t('status.reload')}</Button>}
          <Button variant="secondary" onClick={needRefresh ? dismissUpdate : dismissOfflineReady}>
            {needRefresh ? t('status.dismiss') : t('status.understood')}
          </Button>
        </span>
      </div>
    </div>
  );
}

/** A thin bar while the next page's code or data loads (lazy routes keep the old page on screen meanwhile). */
export function NavigationProgress() {
  const { t } = useTranslation('app');
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <div role="status">
      <div className="progress-bar" aria-hidden="true" />
      <span className="visually-hidden">{t('status.loadingPage')}</span>
    </div>
  );
}

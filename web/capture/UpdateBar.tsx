import { useTranslation } from 'react-i18next';
import { Button } from '../ui';
import { applyUpdate, dismissUpdate, useServiceWorkerState } from '../offline/register-sw';

/** A new version waits for the member's go-ahead, so nothing half-typed is lost by a reload. */
export function UpdateBar() {
  const { t } = useTranslation('app');
  const { needRefresh } = useServiceWorkerState();
  if (!needRefresh) return null;
  return (
    <div className="status-bar alert--info" role="status">
      <div className="container cluster">
        <span>{t('status.updateReady')}</span>
        <span className="cluster">
          <Button onClick={() => void applyUpdate()}>{t('status.reload')}</Button>
          <Button variant="secondary" onClick={dismissUpdate}>
            {t('status.dismiss')}
          </Button>
        </span>
      </div>
    </div>
  );
}

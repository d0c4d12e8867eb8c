import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../../ui';
import { getSyncLoop } from '../../offline/outbox-sync';
import { useOutboxEntries, useSyncStatus } from '../../offline/use-outbox';
import { CAPTURE_SIGN_IN_PATH, OUTBOX_PATH } from './paths';

/**
 * The always-visible "waiting to sync" count with the sync button, and what stands in the way of sending
 * (no connection, an expired session, refused records).
 */
export function OutboxStatus({
  userId,
  signedOut,
  showListLink = true,
}: {
  userId: string | null;
  signedOut: boolean;
  showListLink?: boolean;
}) {
  const { t } = useTranslation('support');
  const entries = useOutboxEntries(userId);
  const status = useSyncStatus();
  if (!userId || entries === null) return null;
  const waiting = entries.filter((e) => e.state === 'waiting').length;
  const refused = entries.length - waiting;
  const lastOutcome = status.lastOutcome;
  const needsSignIn = signedOut || status.needsSignIn;

  return (
    <div className="stack">
      <section
        className={entries.length === 0 ? 'outbox-status outbox-status--empty' : 'outbox-status'}
        aria-label={t('outbox.title')}
      >
        <div role="status">
          <p className="outbox-status__count">
            {waiting > 0 ? t('outbox.waiting', { count: waiting }) : t('outbox.allSent')}
          </p>
          {!status.syncing && lastOutcome && lastOutcome.accepted > 0 && (
            <p className="muted">{t('outbox.lastSent', { count: lastOutcome.accepted })}</p>
          )}
          {!status.syncing && lastOutcome?.stoppedBy === 'failed' && (
            <p className="muted">{t('outbox.failed')}</p>
          )}
        </div>
        <div className="cluster">
          {showListLink && entries.length > 0 && <a href={OUTBOX_PATH}>{t('outbox.viewList')}</a>}
          {waiting > 0 && !needsSignIn && status.online && (
            <Button variant="secondary" loading={status.syncing} onClick={() => void getSyncLoop().syncNow()}>
              {status.syncing ? t('outbox.syncing') : t('outbox.syncNow')}
            </Button>
          )}
        </div>
      </section>
      {!status.online && <Alert tone="info">{t('outbox.offline')}</Alert>}
      {needsSignIn && entries.length > 0 && (
        <Alert tone="warning" live>
          {t('outbox.signInAgain')} <a href={CAPTURE_SIGN_IN_PATH}>{t('capture.signIn')}</a>
        </Alert>
      )}
      {refused > 0 && (
        <Alert tone="warning">
          {t('outbox.refused', { count: refused })} <a href={OUTBOX_PATH}>{t('outbox.viewList')}</a>
        </Alert>
      )}
    </div>
  );
}

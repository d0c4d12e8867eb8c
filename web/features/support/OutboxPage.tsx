import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { Button, buttonClass, Card, Dialog, PageHeader, Skeleton } from '../../ui';
import { getOfflineDatabase, type OutboxEntry } from '../../offline/offline-db';
import { countOtherAccounts, discardFromOutbox } from '../../offline/outbox';
import { useBackgroundSync, useLiveQuery, useOutboxEntries, useSentEntries } from '../../offline/use-outbox';
import type { CaptureSession } from './capture-session';
import { useOutboxOwner } from './outbox-owner';
import { OutboxStatus } from './OutboxStatus';
import { CAPTURE_PATH, editRecordPath } from './paths';
import { RecordSummary } from './RecordSummary';
import { ServerErrors } from './ServerErrors';
import './support.css';

/** The outbox view of the capture page: waiting, refused (with the server's reasons) and sent records. */
export function OutboxPage({ session }: { session: CaptureSession }) {
  const { t } = useTranslation('support');
  const { userId, signedOut } = useOutboxOwner(session);
  useBackgroundSync(signedOut ? null : userId, session.me);
  const entries = useOutboxEntries(userId);
  const sent = useSentEntries(userId);
  const others = useLiveQuery(
    () => (userId ? countOtherAccounts(getOfflineDatabase(), userId) : Promise.resolve(0)),
    [userId],
    0,
  );
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);

  const waiting = entries?.filter((e) => e.state === 'waiting') ?? [];
  const refused = entries?.filter((e) => e.state === 'refused') ?? [];

  return (
    <div className="stack">
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        actions={
          <a className={buttonClass('secondary')} href={CAPTURE_PATH}>
            {t('outbox.back')}
          </a>
        }
      />
      <OutboxStatus userId={userId} signedOut={signedOut} showListLink={false} />
      {entries === null ? (
        <Skeleton lines={4} />
      ) : (
        <>
          {refused.length > 0 && (
            <Card title={t('outbox.refusedHeading')}>
              <p>{t('outbox.refusedIntro')}</p>
              <ul className="outbox-list">
                {refused.map((entry) => (
                  <li key={entry.id} className="outbox-item outbox-item--refused">
                    <RecordSummary record={entry.record} headingLevel={3} />
                    <ServerErrors entry={entry} />
                    <div className="cluster">
                      <a className={buttonClass('primary')} href={editRecordPath(entry.id)}>
                        {t('outbox.edit')}
                      </a>
                      <Button variant="danger" onClick={() => setDiscarding(entry)}>
                        {t('outbox.discard')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card title={t('outbox.waitingHeading')}>
            {waiting.length === 0 ? (
              <p>{t('outbox.none')}</p>
            ) : (
              <ul className="outbox-list">
                {waiting.map((entry) => (
                  <li key={entry.id} className="outbox-item">
                    <RecordSummary record={entry.record} headingLevel={3} />
                    {entry.attempts > 0 && (
                      <p className="muted">{t('outbox.attempts', { count: entry.attempts })}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {others > 0 && <p className="muted">{t('outbox.otherAccounts', { count: others })}</p>}
          <Card title={t('outbox.sentHeading')}>
            {!sent || sent.length === 0 ? (
              <p>{t('outbox.none')}</p>
            ) : (
              <ul className="outbox-list">
                {sent.slice(0, 50).map((entry) => (
                  <li key={entry.id} className="outbox-item">
                    <RecordSummary record={entry.record} headingLevel={3} />
                    <p className="muted">
                      {t(`outbox.sentStatus.${entry.status}`)} · {formatDateTime(entry.sentAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
      <Dialog
        open={discarding !== null}
        onClose={() => setDiscarding(null)}
        title={t('outbox.discardTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDiscarding(null)}>
              {t('outbox.cancel')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                const entry = discarding;
                setDiscarding(null);
                if (entry) void discardFromOutbox(getOfflineDatabase(), entry.id);
              }}
            >
              {t('outbox.discardConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('outbox.discardText')}</p>
      </Dialog>
    </div>
  );
}

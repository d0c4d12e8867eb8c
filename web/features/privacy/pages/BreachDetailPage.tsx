import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Breach, UpdateBreachBody } from '../../../../shared/contracts/privacy';
import { apiFetch } from '../../../app/api';
import { formatDateTime, isoDateTime } from '../../../app/format';
import { Alert, Button, buttonClass, Card, Dialog, PageHeader, Skeleton } from '../../../ui';
import { BreachClock, BreachStatusTag } from '../components/BreachClock';
import { LoadError } from '../../admin/components/LoadError';
import { NotifyBreachCard } from '../components/NotifyBreachCard';
import { ServerError } from '../components/ServerError';
import { breachKey, BREACHES_PATH, PRIVACY_ADMIN_KEY, useAdminProvinces, useBreach } from '../queries';
import '../breaches.css';

function When({ at }: { at: string }) {
  return <time dateTime={isoDateTime(at)}>{formatDateTime(at)}</time>;
}

/** One label and its answer; long texts keep the official's line breaks. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One breach with every field the notification form needs, its 72-hour clock, and what comes next: record the
 * notification while it is due, close it once notified. A closed breach is read-only.
 */
export function BreachDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const breach = useBreach(id);
  const provinces = useAdminProvinces();
  const [done, setDone] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  // The form or button just used goes away with the change, so focus moves to the message saying what happened.
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const changed = (next: Breach) => {
    queryClient.setQueryData(breachKey(id), next);
    void queryClient.invalidateQueries({ queryKey: [PRIVACY_ADMIN_KEY, 'breaches'] });
  };
  const close = useMutation({
    mutationFn: () =>
      apiFetch<Breach>(`${BREACHES_PATH}/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { close: true } satisfies UpdateBreachBody,
      }),
    onSuccess: (next) => {
      setClosing(false);
      setDone(t('breach.closed'));
      changed(next);
    },
  });

  if (breach.isPending) return <Skeleton title lines={8} />;
  if (breach.isError) {
    return (
      <>
        <PageHeader title={t('breach.fallbackTitle')} />
        <LoadError error={breach.error} onRetry={() => void breach.refetch()} />
        <p>
          <Link to="/admin/privacy/breaches">{t('breach.back')}</Link>
        </p>
      </>
    );
  }
  const b = breach.data;
  const none = t('common.none');
  const unknown = t('common.unknown');
  const closeDialog = () => {
    setClosing(false);
    close.reset();
  };

  return (
    <>
      <PageHeader
        title={b.title}
        actions={
          b.status !== 'closed' && (
            <Link
              to={`/admin/privacy/breaches/${encodeURIComponent(b.id)}/edit`}
              className={buttonClass('secondary')}
            >
              {t('breach.edit')}
            </Link>
          )
        }
      />
      <div className="stack-lg">
        <p>
          <Link to="/admin/privacy/breaches">{t('breach.back')}</Link>
        </p>
        {done && (
          <Alert tone="success" ref={doneRef}>
            {done}
          </Alert>
        )}
        <Card title={t('breach.facts')}>
          <dl className="breach-facts">
            <Fact label={t('breaches.status')}>
              <BreachStatusTag status={b.status} />
            </Fact>
            <Fact label={t('breach.notifyBy')}>
              <When at={b.notifyBy} />
              {b.status === 'open' && (
                <span className="breach-facts__more">
                  <BreachClock breach={b} />
                </span>
              )}
            </Fact>
            <Fact label={t('form.discoveredAt')}>
              <When at={b.discoveredAt} />
            </Fact>
            <Fact label={t('form.occurredAt')}>{b.occurredAt ? <When at={b.occurredAt} /> : unknown}</Fact>
            <Fact label={t('form.breachDescription')}>
              <span className="breach-text">{b.description}</span>
            </Fact>
            <Fact label={t('form.dataCategories')}>
              <ul className="breach-list">
                {b.dataCategories.map((c) => (
                  <li key={c}>{t(`categories.${c}`)}</li>
                ))}
              </ul>
            </Fact>
            <Fact label={t('form.subjects')}>
              <span className="breach-text">{b.subjects}</span>
            </Fact>
            <Fact label={t('form.subjectsCount')}>{b.subjectsCount ?? unknown}</Fact>
            <Fact label={t('form.consequences')}>
              <span className="breach-text">{b.consequences ?? unknown}</span>
            </Fact>
            <Fact label={t('form.measures')}>
              <span className="breach-text">{b.measures ?? unknown}</span>
            </Fact>
            <Fact label={t('form.contact')}>{b.contact}</Fact>
            <Fact label={t('form.province')}>
              {provinces.find((p) => p.value === b.provinceCode)?.label ?? b.provinceCode}
            </Fact>
            <Fact label={t('breach.recordedBy')}>{b.recordedBy.name}</Fact>
            <Fact label={t('breach.createdAt')}>
              <When at={b.createdAt} />
            </Fact>
            <Fact label={t('breach.updatedAt')}>
              <When at={b.updatedAt} />
            </Fact>
          </dl>
        </Card>
        {b.status === 'open' ? (
          <NotifyBreachCard
            breach={b}
            onSaved={(next) => {
              setDone(t('notify.saved'));
              changed(next);
            }}
          />
        ) : (
          <Card title={t('breach.notification')}>
            <dl className="breach-facts">
              <Fact label={t('breach.notifiedAt')}>{b.notifiedAt ? <When at={b.notifiedAt} /> : none}</Fact>
              <Fact label={t('breach.notifiedTo')}>{b.notifiedTo ?? none}</Fact>
              <Fact label={t('breach.reference')}>{b.notificationRef ?? none}</Fact>
              <Fact label={t('breach.lateReason')}>
                <span className="breach-text">{b.lateReason ?? none}</span>
              </Fact>
              {b.closedAt && (
                <Fact label={t('breach.closedAt')}>
                  <When at={b.closedAt} />
                </Fact>
              )}
            </dl>
            {b.status === 'notified' ? (
              <Button variant="secondary" onClick={() => setClosing(true)}>
                {t('breach.close')}
              </Button>
            ) : (
              b.closedAt && (
                <p className="muted">{t('breach.closedNote', { at: formatDateTime(b.closedAt) })}</p>
              )
            )}
          </Card>
        )}
      </div>
      <Dialog
        open={closing}
        onClose={closeDialog}
        title={t('breach.closeTitle')}
        footer={
          <div className="cluster">
            <Button loading={close.isPending} onClick={() => close.mutate()}>
              {t('breach.close')}
            </Button>
            <Button variant="secondary" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
          </div>
        }
      >
        <div className="stack">
          <p>{t('breach.closeBody')}</p>
          {close.isError && <ServerError error={close.error} />}
        </div>
      </Dialog>
    </>
  );
}

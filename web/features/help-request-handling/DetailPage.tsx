import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDate, formatDateTime } from '../../app/format';
import { Alert, Button, buttonClass, PageHeader, Skeleton, Tag } from '../../ui';
import { RevealPhone } from '../privacy/RevealPhone';
import { captureForHelpRequestPath } from '../support/paths';
import { ActionPanel } from './ActionPanel';
import { isCallOverdue, StateTag } from './labels';
import { HELP_REQUESTS_PATH } from './paths';
import { useHelpRequest, type HelpRequestDetail } from './queries';
import './help-request-handling.css';

const OPEN_OR_RETRY = new Set(['new', 'assigned', 'scheduled', 'could_not_reach']);

function Facts({ item }: { item: HelpRequestDetail }) {
  const { t } = useTranslation('help-request-handling');
  const row = (label: string, value: ReactNode) =>
    value === null || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    );
  return (
    <dl className="help-staff-facts">
      {row(
        t('detail.status'),
        <>
          <StateTag state={item.state} />{' '}
          {isCallOverdue(item) && <Tag tone="danger">{t('list.overdue')}</Tag>}
        </>,
      )}
      {row(t('list.need'), item.need)}
      {row(t('detail.routedTo'), t(`routed.${item.routedTo}`))}
      {row(t('detail.team'), item.teamName)}
      {row(t('list.place'), item.hamletName)}
      {row(t('list.assignee'), item.assignedMemberName ?? t('list.nobody'))}
      {row(t('detail.contactName'), item.contactName)}
      {row(
        t('detail.phone'),
        item.phoneMasked === null ? (
          t('detail.anonymised')
        ) : item.actions.includes('reveal') ? (
          <RevealPhone
            masked={item.phoneMasked}
            name={item.contactName ?? item.code}
            path={`/api/v1/help-requests/${encodeURIComponent(item.id)}/reveal-contact`}
          />
        ) : (
          item.phoneMasked
        ),
      )}
      {row(t('detail.address'), item.address)}
      {row(t('detail.preferredTime'), item.preferredTime)}
      {row(t('list.createdAt'), formatDateTime(item.createdAt))}
      {item.filedByName !== null &&
        row(
          t('detail.filedBy'),
          t('detail.filedByValue', { name: item.filedByName, channel: t(`detail.channel.${item.channel}`) }),
        )}
      {(item.state === 'new' || item.state === 'assigned') &&
        row(t('detail.callDue'), formatDateTime(item.callDueAt))}
      {item.scheduledFor && row(t('detail.scheduledFor'), formatDateTime(item.scheduledFor))}
      {row(t('detail.closeReason'), item.closeReason)}
      {item.rating !== null && row(t('detail.rating'), t('detail.ratingValue', { rating: item.rating }))}
      {row(t('detail.ratingComment'), item.ratingComment)}
    </dl>
  );
}

function Timeline({ item }: { item: HelpRequestDetail }) {
  const { t } = useTranslation('help-request-handling');
  return (
    <section aria-labelledby="help-timeline-title">
      <h2 id="help-timeline-title">{t('detail.timeline')}</h2>
      <ol className="help-staff-timeline">
        {item.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> ·{' '}
            <strong>
              {t(`detail.entry.${entry.action}`, { defaultValue: t(`states.${entry.toState}`) })}
            </strong>
            {entry.note && <p className="muted">{entry.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * One help request for the staff: the facts (phone masked, "Xem số" through the logged reveal), the steps the server
 * offers, and "Ghi lượt hỗ trợ", which opens the capture page with the request prefilled: the record it saves
 * (offline too) completes the request when it reaches the server.
 */
export function DetailPage() {
  const { t } = useTranslation('help-request-handling');
  const id = useParams().id ?? '';
  const query = useHelpRequest(id);
  const back = (
    <Link to={HELP_REQUESTS_PATH} className={buttonClass('ghost')}>
      {t('detail.back')}
    </Link>
  );
  if (query.isPending) return <Skeleton title lines={8} />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="stack">
        <Alert tone="error">{missing ? t('detail.notFound') : t('detail.loadFailed')}</Alert>
        {!missing && (
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('list.retry')}
          </Button>
        )}
        {back}
      </div>
    );
  }
  const item = query.data;
  const mayRecord = OPEN_OR_RETRY.has(item.state) && item.actions.some((a) => a !== 'assign');
  return (
    <div className="stack">
      <PageHeader title={item.code} description={formatDate(item.createdAt)} actions={back} />
      <Facts item={item} />
      {item.supportRecordId && <Alert tone="success">{t('detail.recordLinked')}</Alert>}
      {mayRecord && (
        <section className="stack" aria-labelledby="help-record-title">
          <h2 id="help-record-title">{t('detail.record')}</h2>
          <p className="muted">{t('detail.recordHint')}</p>
          <p>
            {/* The capture page is its own document: a plain link loads it. */}
            <a
              className={buttonClass('primary')}
              href={captureForHelpRequestPath({
                helpRequestId: item.id,
                teamId: item.teamId,
                hamletId: item.hamletId,
                serviceCode: item.serviceCode,
              })}
            >
              {t('detail.record')}
            </a>
          </p>
        </section>
      )}
      <ActionPanel item={item} />
      <Timeline item={item} />
    </div>
  );
}

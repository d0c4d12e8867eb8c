import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMail } from '../../../../shared/contracts/accounts';
import { formatDateTime, isoDateTime } from '../../../app/format';
import { EmptyState, PageHeader, Pagination, Skeleton, Tag, type TagTone } from '../../../ui';
import { LoadError } from '../components/LoadError';
import { rowsOf, useOutbox } from '../queries';
import '../admin.css';

const TONES: Record<OutboxMail['status'], TagTone> = {
  pending: 'info',
  sent: 'success',
  captured: 'neutral',
  failed: 'danger',
};
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Mail text with its links made clickable: the point of this page is opening reset and invitation links. */
function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="outbox-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} rel="noopener noreferrer">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/** The demo's captured mail, newest first, so a tester can follow password-reset and invitation links. */
export function OutboxPage() {
  const { t } = useTranslation('admin');
  const outbox = useOutbox();
  const rows = rowsOf(outbox.data);
  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.isPending ? (
        <Skeleton lines={6} />
      ) : outbox.isError ? (
        <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('outbox.empty')} />
      ) : (
        <>
          <ol className="audit-list" aria-label={t('outbox.caption')}>
            {rows.map((mail) => (
              <li key={mail.id} className="record-card">
                <h2 className="record-card__title">{mail.subject}</h2>
                <dl className="admin-facts">
                  <div>
                    <dt>{t('outbox.to')}</dt>
                    <dd>{mail.to}</dd>
                  </div>
                  <div>
                    <dt>{t('outbox.createdAt')}</dt>
                    <dd>
                      <time dateTime={isoDateTime(mail.createdAt)}>{formatDateTime(mail.createdAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('outbox.status')}</dt>
                    <dd>
                      <Tag tone={TONES[mail.status]}>{t(`outbox.statuses.${mail.status}`)}</Tag>
                    </dd>
                  </div>
                </dl>
                <details className="admin-disclosure">
                  <summary>{t('outbox.read')}</summary>
                  <MailText text={mail.text} />
                </details>
              </li>
            ))}
          </ol>
          <Pagination
            hasMore={Boolean(outbox.hasNextPage)}
            loading={outbox.isFetchingNextPage}
            onLoadMore={() => void outbox.fetchNextPage()}
            shownCount={rows.length}
          />
        </>
      )}
    </>
  );
}

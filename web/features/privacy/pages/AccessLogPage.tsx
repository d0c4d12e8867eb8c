import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ACCESS_SUBJECT_TYPES, type AccessLogEntry } from '../../../../shared/contracts/privacy';
import { formatDateTime, isoDateTime } from '../../../app/format';
import {
  DataTable,
  EmptyState,
  PageHeader,
  Pagination,
  Select,
  Skeleton,
  type DataColumn,
} from '../../../ui';
import { LoadError } from '../../admin/components/LoadError';
import { rowsOf, useAccessLog } from '../queries';
import '../breaches.css';

type SubjectType = (typeof ACCESS_SUBJECT_TYPES)[number];
/** Fields the platform reveals today; another one shows under its own name until it gets words here. */
const KNOWN_FIELDS = ['phone', 'email', 'export'];

/**
 * The personal-data access log of the caller's province, newest first: who saw whose full phone number (or
 * downloaded a person's data), which data, why and when. Read-only, as the log itself is.
 */
export function AccessLogPage() {
  const { t } = useTranslation('privacy');
  const [params, setParams] = useSearchParams();
  const asked = params.get('subjectType');
  const subjectType = ACCESS_SUBJECT_TYPES.includes(asked as SubjectType) ? (asked as SubjectType) : null;
  const log = useAccessLog(subjectType);
  const rows = rowsOf(log.data);

  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('subjectType', value);
    else next.delete('subjectType');
    setParams(next, { replace: true });
  };

  const columns: DataColumn<AccessLogEntry>[] = [
    {
      key: 'at',
      header: t('accessLog.at'),
      primary: true,
      render: (e) => <time dateTime={isoDateTime(e.at)}>{formatDateTime(e.at)}</time>,
    },
    { key: 'actor', header: t('accessLog.actor'), render: (e) => e.actor.name },
    {
      key: 'subject',
      header: t('accessLog.subject'),
      render: (e) => (
        <>
          {t(`accessLog.subjectTypes.${e.subjectType}`)} <code className="breach-id">{e.subjectId}</code>
        </>
      ),
    },
    {
      key: 'field',
      header: t('accessLog.field'),
      render: (e) => (KNOWN_FIELDS.includes(e.field) ? t(`accessLog.fields.${e.field}`) : e.field),
    },
    {
      key: 'reason',
      header: t('accessLog.reason'),
      render: (e) => <span className="breach-text">{e.reason}</span>,
    },
  ];

  return (
    <>
      <PageHeader title={t('accessLog.title')} description={t('accessLog.description')} />
      <div className="stack">
        <div className="breach-filters">
          <Select
            id="access-subject-type"
            label={t('accessLog.subjectType')}
            options={[
              { value: '', label: t('common.all') },
              ...ACCESS_SUBJECT_TYPES.map((s) => ({ value: s, label: t(`accessLog.subjectTypes.${s}`) })),
            ]}
            value={subjectType ?? ''}
            onChange={(e) => choose(e.target.value)}
          />
        </div>
        {log.isPending ? (
          <Skeleton lines={6} />
        ) : log.isError ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('accessLog.empty')} />
        ) : (
          <>
            <DataTable
              caption={t('accessLog.caption')}
              captionHidden
              columns={columns}
              rows={rows}
              rowKey={(e) => e.id}
              cardHeadingLevel={2}
            />
            <Pagination
              hasMore={Boolean(log.hasNextPage)}
              loading={log.isFetchingNextPage}
              onLoadMore={() => void log.fetchNextPage()}
              shownCount={rows.length}
            />
          </>
        )}
      </div>
    </>
  );
}

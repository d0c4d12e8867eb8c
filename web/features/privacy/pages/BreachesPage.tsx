import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BREACH_STATUSES, type Breach } from '../../../../shared/contracts/privacy';
import { formatDateTime, isoDateTime } from '../../../app/format';
import {
  buttonClass,
  DataTable,
  EmptyState,
  PageHeader,
  Pagination,
  Select,
  Skeleton,
  type DataColumn,
} from '../../../ui';
import { BreachClock, BreachStatusTag } from '../components/BreachClock';
import { LoadError } from '../../admin/components/LoadError';
import { rowsOf, useAdminProvinces, useBreaches } from '../queries';
import '../breaches.css';

type Status = (typeof BREACH_STATUSES)[number];

/**
 * The breach register of the caller's province(s), latest discovery first: each breach with its status and where
 * its 72-hour clock stands, in words. The status filter lives in the address, so a reload keeps it.
 */
export function BreachesPage() {
  const { t } = useTranslation('privacy');
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status = BREACH_STATUSES.includes(asked as Status) ? (asked as Status) : null;
  const breaches = useBreaches(status);
  const rows = rowsOf(breaches.data);
  const canRecord = useAdminProvinces().length > 0;

  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    setParams(next, { replace: true });
  };

  const columns: DataColumn<Breach>[] = [
    {
      key: 'title',
      header: t('breaches.breach'),
      primary: true,
      render: (b) => <Link to={`/admin/privacy/breaches/${encodeURIComponent(b.id)}`}>{b.title}</Link>,
    },
    {
      key: 'discovered',
      header: t('breaches.discoveredAt'),
      render: (b) => <time dateTime={isoDateTime(b.discoveredAt)}>{formatDateTime(b.discoveredAt)}</time>,
    },
    { key: 'deadline', header: t('breaches.deadline'), render: (b) => <BreachClock breach={b} /> },
    { key: 'status', header: t('breaches.status'), render: (b) => <BreachStatusTag status={b.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('breaches.title')}
        description={t('breaches.description')}
        actions={
          canRecord && (
            <Link to="/admin/privacy/breaches/new" className={buttonClass('primary')}>
              {t('breaches.record')}
            </Link>
          )
        }
      />
      <div className="stack">
        <div className="breach-filters">
          <Select
            id="breach-status"
            label={t('breaches.status')}
            options={[
              { value: '', label: t('common.all') },
              ...BREACH_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
            ]}
            value={status ?? ''}
            onChange={(e) => choose(e.target.value)}
          />
        </div>
        {breaches.isPending ? (
          <Skeleton lines={6} />
        ) : breaches.isError ? (
          <LoadError error={breaches.error} onRetry={() => void breaches.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={status ? t('breaches.emptyFiltered') : t('breaches.empty')} />
        ) : (
          <>
            <DataTable
              caption={t('breaches.caption')}
              captionHidden
              columns={columns}
              rows={rows}
              rowKey={(b) => b.id}
              cardHeadingLevel={2}
            />
            <Pagination
              hasMore={Boolean(breaches.hasNextPage)}
              loading={breaches.isFetchingNextPage}
              onLoadMore={() => void breaches.fetchNextPage()}
              shownCount={rows.length}
            />
          </>
        )}
      </div>
    </>
  );
}

import { lazy, Suspense } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { Alert, Button, buttonClass, EmptyState, PageHeader, Pagination, Skeleton } from '../../ui';
import { fetchCasePage, type CaseListFilters } from './cases-api';
import { ListFilters } from './ListFilters';
import { filtersOf, searchOf, viewOf, type ListView } from './list-filters';
import { LookupForm } from './LookupForm';
import { MapBoundary } from './MapBoundary';
import { MyReports } from './MyReports';
import { REPORT_PATH, trackPath } from './paths';
import { useCategories } from './use-categories';
import './cases.css';

// Leaflet loads only when someone switches to the map.
const CasesMap = lazy(() => import('./CasesMap'));

function CaseList({ filters }: { filters: CaseListFilters }) {
  const { t } = useTranslation('cases');
  const query = useInfiniteQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: ({ pageParam, signal }) => fetchCasePage({ ...filters, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Skeleton lines={6} />;
  if (query.isError) {
    return (
      <Alert tone="error">
        {t('list.loadFailed')}{' '}
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('report.retry')}
        </Button>
      </Alert>
    );
  }
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title={t('list.empty')} />;
  return (
    <>
      <ul className="case-list" role="list" aria-label={t('list.title')}>
        {items.map((item) => (
          <li key={item.id} className="case-list__item case-card">
            {item.thumbUrl && (
              <img
                src={item.thumbUrl}
                alt=""
                width={72}
                height={72}
                loading="lazy"
                className="case-card__thumb"
              />
            )}
            <div className="case-card__body">
              <Link to={trackPath(item.code)} className="case-list__title">
                {item.title}
              </Link>
              <span>
                <strong>{t(`states.${item.state}`)}</strong> · {item.categoryName}
              </span>
              <span className="muted">
                {item.code} · {formatDate(item.submittedAt)}
                {item.communeName && ` · ${item.communeName}`}
                {item.supporters > 0 && ` · ${t('track.supporters', { count: item.supporters })}`}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <Pagination
        hasMore={Boolean(query.hasNextPage)}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        shownCount={items.length}
      />
    </>
  );
}

/**
 * /reports — the public list and map of reports, filters in the URL; the lookup by code and, when this device has
 * sent some, "my reports".
 */
export function ListPage() {
  const { t } = useTranslation('cases');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const view = viewOf(params);
  const categories = useCategories('report');
  const provinceCode = categories.data?.provinceCode ?? null;
  const apply = (next: CaseListFilters, nextView: ListView = view) => setParams(searchOf(next, nextView));
  return (
    <div className="stack">
      <PageHeader
        title={t('list.title')}
        description={t('list.lead')}
        actions={
          <Link to={REPORT_PATH} className={buttonClass('primary')}>
            {t('list.newReport')}
          </Link>
        }
      />
      <ListFilters
        key={params.toString()}
        value={filters}
        onApply={(next) => apply(next)}
        provinceCode={provinceCode}
      />
      <div className="case-view-switch" role="group" aria-label={t('list.view')}>
        {(['list', 'map'] as const).map((v) => (
          <Button
            key={v}
            variant={view === v ? 'primary' : 'secondary'}
            aria-pressed={view === v}
            onClick={() => apply(filters, v)}
          >
            {v === 'list' ? t('list.asList') : t('list.asMap')}
          </Button>
        ))}
      </div>
      {view === 'map' ? (
        <MapBoundary fallback={<Alert tone="error">{t('report.mapFailed')}</Alert>}>
          <Suspense fallback={<p role="status">{t('report.mapLoading')}</p>}>
            <CasesMap
              filters={filters}
              provinceCode={provinceCode}
              tileUrl={categories.data?.tileUrl ?? null}
            />
          </Suspense>
        </MapBoundary>
      ) : (
        <CaseList filters={filters} />
      )}
      <LookupForm />
      <MyReports hideWhenEmpty />
    </div>
  );
}

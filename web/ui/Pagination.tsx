import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/**
 * "Xem thêm" for cursor pages: lists grow in place, so a reader keeps their position, and the count shown is
 * announced after each load.
 */
export function Pagination({
  hasMore,
  loading,
  onLoadMore,
  shownCount,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shownCount?: number;
}) {
  const { t } = useTranslation('ui');
  return (
    <div className="load-more">
      {shownCount !== undefined && (
        <p className="muted" role="status">
          {t('shownCount', { count: shownCount })}
          {!hasMore && ` ${t('allShown')}`}
        </p>
      )}
      {hasMore && (
        <Button variant="secondary" loading={loading} onClick={onLoadMore}>
          {t('loadMore')}
        </Button>
      )}
    </div>
  );
}

export { Pagination as LoadMore };

/**
 * One page of a cursor list at a time, with "Trang trước" / "Trang sau": a long list on a phone stays a few screens
 * tall instead of growing with every load (the support records list once reached 28,820 px). `page` counts from 1.
 */
export function PageNav({
  page,
  hasPrevious,
  hasNext,
  loading,
  onPrevious,
  onNext,
  label,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Names the navigation for screen readers ("Trang của danh sách lượt hỗ trợ"). */
  label: string;
}) {
  const { t } = useTranslation('ui');
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="page-nav" aria-label={label}>
      <Button variant="secondary" disabled={!hasPrevious} onClick={onPrevious}>
        {t('previousPage')}
      </Button>
      <p className="page-nav__current" aria-live="polite">
        {t('pageNumber', { page })}
      </p>
      <Button variant="secondary" disabled={!hasNext} loading={loading} onClick={onNext}>
        {t('nextPage')}
      </Button>
    </nav>
  );
}

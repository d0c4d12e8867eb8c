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

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert, Button, Pagination, Skeleton } from '../../ui';
import type { useRecordPages } from './records-queries';

/** Loading, failure and "show more" around a list of record pages. */
export function ListBody({
  pages,
  children,
}: {
  pages: ReturnType<typeof useRecordPages>;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation('support');
  if (pages.isPending) return <Skeleton lines={5} />;
  if (pages.isError) {
    const message =
      pages.error instanceof ApiError ? pages.error.messageIn(i18n.language) : t('lists.loadFailed');
    return (
      <Alert tone="error" title={t('lists.loadFailed')}>
        <p>{message}</p>
        <Button variant="secondary" onClick={() => void pages.refetch()}>
          {t('lists.retry')}
        </Button>
      </Alert>
    );
  }
  const shown = pages.data.pages.reduce((n, p) => n + p.items.length, 0);
  return (
    <>
      {children}
      {shown > 0 && (
        <Pagination
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onLoadMore={() => void pages.fetchNextPage()}
          shownCount={shown}
        />
      )}
    </>
  );
}

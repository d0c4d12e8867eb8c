import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert, Button, PageNav, Skeleton } from '../../ui';
import type { PagedRecords } from './records-queries';

/** Loading, failure and the page navigation around one page of records. */
export function ListBody({ paged, children }: { paged: PagedRecords; children: ReactNode }) {
  const { t, i18n } = useTranslation('support');
  const top = useRef<HTMLDivElement>(null);
  const shownPage = useRef(paged.page);
  const { query } = paged;

  // A new page starts at its first row: focus moves there, so a keyboard or screen-reader user is not left at the foot.
  useEffect(() => {
    if (shownPage.current === paged.page) return;
    shownPage.current = paged.page;
    top.current?.focus();
  }, [paged.page]);

  if (query.isPending) return <Skeleton lines={5} />;
  if (query.isError) {
    const message =
      query.error instanceof ApiError ? query.error.messageIn(i18n.language) : t('lists.loadFailed');
    return (
      <Alert tone="error" title={t('lists.loadFailed')}>
        <p>{message}</p>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('lists.retry')}
        </Button>
      </Alert>
    );
  }
  return (
    <div ref={top} tabIndex={-1} className="record-pages">
      {children}
      <PageNav
        page={paged.page}
        hasPrevious={paged.hasPrevious}
        hasNext={paged.hasNext}
        loading={paged.loadingNext}
        onPrevious={paged.previous}
        onNext={() => void paged.next()}
        label={t('lists.pages')}
      />
    </div>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { Alert, buttonClass, EmptyState, PageHeader, Pagination, Skeleton } from '../../ui';
import { questionPath } from '../questions/paths';
import { fetchUnanswered } from './staff-api';
import '../questions/questions.css';

/** "Chưa có lời đáp quá 48 giờ": the network's list of questions nobody has answered, oldest first. */
export function UnansweredPage() {
  const { t } = useTranslation('question-handling');
  const query = useInfiniteQuery({
    queryKey: ['questions', 'unanswered'],
    queryFn: ({ pageParam, signal }) => fetchUnanswered(pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack questions">
      <PageHeader title={t('unanswered.title')} description={t('unanswered.lead')} />
      {query.isPending ? (
        <Skeleton lines={6} />
      ) : query.isError ? (
        <Alert tone="error">{t('unanswered.failed')}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title={t('unanswered.empty')} />
      ) : (
        <>
          <ul className="question-list" aria-label={t('unanswered.title')}>
            {items.map((item) => (
              <li key={item.id} className="question-card stack">
                <Link to={questionPath(item.id)} className="question-card__title">
                  {item.title}
                </Link>
                <p className="question-card__excerpt">{item.excerpt}</p>
                <p className="question-card__meta">
                  {item.publishedAt && (
                    <span>{t('unanswered.since', { date: formatDate(item.publishedAt) })}</span>
                  )}
                </p>
                <div>
                  <Link
                    className={buttonClass('secondary')}
                    to={questionPath(item.id)}
                    aria-label={`${t('unanswered.answer')}: ${item.title}`}
                  >
                    {t('unanswered.answer')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
          <Pagination
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            shownCount={items.length}
          />
        </>
      )}
    </div>
  );
}

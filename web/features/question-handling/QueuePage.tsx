import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { Alert, Button, EmptyState, PageHeader, Pagination, Skeleton, Tag } from '../../ui';
import { questionPath } from '../questions/paths';
import { fetchQueue, moderate, type ModerationAction } from './staff-api';
import '../questions/questions.css';

type Box = 'pending' | 'flagged' | 'hidden';
const BOXES: readonly Box[] = ['pending', 'flagged', 'hidden'];

/** The steps offered in each box (the question's page has the rest: edit, lock, close, merge). */
const STEPS: Record<Box, readonly ModerationAction[]> = {
  pending: ['publish', 'reject'],
  flagged: ['dismiss_flags', 'hide'],
  hidden: ['publish', 'reject'],
};
const STEP_LABEL: Record<string, string> = {
  publish: 'queue.publish',
  reject: 'queue.reject',
  hide: 'queue.hide',
  dismiss_flags: 'queue.dismiss',
};

/** The moderators' queue in their scope: waiting for review, flagged, hidden; each row with its steps. */
export function QueuePage() {
  const { t, i18n } = useTranslation('question-handling');
  const [box, setBox] = useState<Box>('pending');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const query = useInfiniteQuery({
    queryKey: ['questions', 'queue', box],
    queryFn: ({ pageParam, signal }) => fetchQueue(box, pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  async function step(id: string, action: ModerationAction) {
    setBusy(`${id}:${action}`);
    setMessage(null);
    try {
      await moderate(id, { action });
      setMessage({ tone: 'success', text: t('queue.done') });
      await query.refetch();
    } catch (error) {
      const text = error instanceof ApiError ? error.messageIn(i18n.language) : String(error);
      setMessage({ tone: 'error', text: t('queue.failedAction', { message: text }) });
    } finally {
      setBusy(null);
    }
  }
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack questions">
      <PageHeader title={t('queue.title')} description={t('queue.lead')} />
      <div className="question-actions" role="group" aria-label={t('queue.boxes')}>
        {BOXES.map((name) => (
          <Button
            key={name}
            variant={name === box ? 'primary' : 'secondary'}
            aria-pressed={name === box}
            onClick={() => setBox(name)}
          >
            {t(`queue.${name}`)}
          </Button>
        ))}
      </div>
      {message && (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      )}
      {query.isPending ? (
        <Skeleton lines={6} />
      ) : query.isError ? (
        <Alert tone="error">{t('queue.failed')}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title={t('queue.empty')} />
      ) : (
        <>
          <ul className="question-list" aria-label={t(`queue.${box}`)}>
            {items.map((item) => (
              <li key={item.id} className="question-card stack">
                <Link to={questionPath(item.id)} className="question-card__title">
                  {item.title}
                </Link>
                <p className="question-card__excerpt">{item.excerpt}</p>
                <p className="question-card__meta">
                  <span>{formatDate(item.createdAt)}</span>
                  {item.openFlags > 0 && (
                    <Tag tone="warning">{t('queue.flags', { count: item.openFlags })}</Tag>
                  )}
                  {item.flagReasons.map((reason) => (
                    <Tag key={reason}>{t(`reasons.${reason}`)}</Tag>
                  ))}
                </p>
                <div className="question-actions">
                  {STEPS[box].map((action) => (
                    <Button
                      key={action}
                      variant={action === 'publish' ? 'primary' : 'secondary'}
                      loading={busy === `${item.id}:${action}`}
                      onClick={() => void step(item.id, action)}
                    >
                      {t(STEP_LABEL[action]!)}
                    </Button>
                  ))}
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

import '../accounts.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../../shared/contracts/notifications';
import { Button, EmptyState, PageHeader, Pagination, Skeleton, Tag } from '../../../ui';
import { ApiErrorAlert } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useMarkAllRead, useMarkRead, useNotifications } from '../queries';

function NotificationItem({ item }: { item: Notification }) {
  const { t } = useTranslation('accounts');
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  const openLink = () => {
    if (unread) markRead.mutate(item.id);
  };
  const internal = item.link?.startsWith('/') && !item.link.startsWith('//');
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <div className="notification__head">
        <h2 className="notification__title">{item.title}</h2>
        {unread ? <Tag tone="info">{t('notifications.unread')}</Tag> : <Tag>{t('notifications.read')}</Tag>}
      </div>
      <p className="notification__body">{item.body}</p>
      <p className="notification__time">
        <time dateTime={item.createdAt}>
          {t('notifications.received', { time: formatDateTime(item.createdAt) })}
        </time>
      </p>
      <div className="cluster">
        {item.link &&
          (internal ? (
            <Link
              to={item.link}
              onClick={openLink}
              aria-label={t('notifications.openLabel', { title: item.title })}
            >
              {t('notifications.open')}
            </Link>
          ) : (
            <a
              href={item.link}
              onClick={openLink}
              rel="noopener noreferrer"
              aria-label={t('notifications.openLabel', { title: item.title })}
            >
              {t('notifications.open')}
            </a>
          ))}
        {unread && (
          <Button
            variant="secondary"
            loading={markRead.isPending}
            onClick={() => markRead.mutate(item.id)}
            aria-label={t('notifications.markReadLabel', { title: item.title })}
          >
            {t('notifications.markRead')}
          </Button>
        )}
      </div>
      <ApiErrorAlert error={markRead.error} />
    </li>
  );
}

/** `/notifications` (behind RequireSignIn): newest first, "Xem thêm" for older ones, mark one or all as read. */
export function NotificationsPage() {
  const { t } = useTranslation('accounts');
  const notifications = useNotifications();
  const markAll = useMarkAllRead();
  const pages = notifications.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const unreadCount = pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          unreadCount > 0 && (
            <Button variant="secondary" loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={markAll.error} />
      {notifications.isPending && <Skeleton lines={6} />}
      {notifications.isError && <ApiErrorAlert error={notifications.error} />}
      {/* One message a state: with nothing received, the empty state alone ("all read" would repeat it). */}
      {notifications.isSuccess && items.length === 0 && (
        <EmptyState title={t('notifications.emptyTitle')}>
          <p>{t('notifications.emptyBody')}</p>
        </EmptyState>
      )}
      {notifications.isSuccess && items.length > 0 && (
        <>
          <p role="status">
            {unreadCount > 0
              ? t('notifications.unreadSummary', { count: unreadCount })
              : t('notifications.noneUnread')}
          </p>
          <ul className="notification-list" aria-label={t('notifications.listLabel')}>
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} />
            ))}
          </ul>
          <Pagination
            hasMore={notifications.hasNextPage}
            loading={notifications.isFetchingNextPage}
            onLoadMore={() => void notifications.fetchNextPage()}
            shownCount={items.length}
          />
        </>
      )}
    </>
  );
}

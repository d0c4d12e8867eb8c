import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../../ui';
import { useUnreadCount } from '../queries';

/** The bell in the header; its name says the unread count, the badge only repeats it visually. */
export function NotificationBell() {
  const { t } = useTranslation('accounts');
  const { data: unread } = useUnreadCount();
  const count = unread ?? 0;
  const label = count > 0 ? t('bell.labelUnread', { count }) : t('bell.label');
  return (
    <Link to="/notifications" className="icon-button bell" aria-label={label} title={label}>
      <Icon name="bell" />
      {count > 0 && (
        <span className="bell__badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}

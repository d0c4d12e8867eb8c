import { useTranslation } from 'react-i18next';
import type { Breach } from '../../../../shared/contracts/privacy';
import { formatDateTime, isoDateTime } from '../../../app/format';
import { Tag, type TagTone } from '../../../ui';

const STATUS_TONES: Record<Breach['status'], TagTone> = {
  open: 'warning',
  notified: 'info',
  closed: 'neutral',
};

/** The breach's status in words; the colour only repeats it. */
export function BreachStatusTag({ status }: { status: Breach['status'] }) {
  const { t } = useTranslation('privacy');
  return <Tag tone={STATUS_TONES[status]}>{t(`statuses.${status}`)}</Tag>;
}

/**
 * Where the 72-hour clock stands, in words: "Quá hạn thông báo" or "Còn 5 giờ để thông báo" with the deadline while
 * the notification is due, or when it was sent. The hours are the server's count, not the device's clock.
 */
export function BreachClock({ breach }: { breach: Breach }) {
  const { t } = useTranslation('privacy');
  if (breach.status !== 'open') {
    return breach.notifiedAt ? (
      <span>{t('clock.notifiedAt', { at: formatDateTime(breach.notifiedAt) })}</span>
    ) : null;
  }
  const hours = breach.hoursLeft ?? 0;
  const left = breach.overdue
    ? t('clock.overdue')
    : hours >= 1
      ? t('clock.hoursLeft', { count: hours })
      : t('clock.lessThanHour');
  return (
    <span className="breach-clock">
      <Tag tone={breach.overdue ? 'danger' : 'warning'}>{left}</Tag>{' '}
      <span>
        {t('clock.deadline')}{' '}
        <time dateTime={isoDateTime(breach.notifyBy)}>{formatDateTime(breach.notifyBy)}</time>
      </span>
    </span>
  );
}

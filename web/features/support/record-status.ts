import type { ReviewStatus, SupportRecord } from '../../../shared/contracts/support';
import type { TagTone } from '../../ui';

/**
 * The one status a record shows. A withdrawn or corrected record is no longer reviewed, so its state replaces the
 * review status (a retracted record once read "Chờ duyệt" and "Đã rút" side by side). Every list and page that shows
 * a record's status takes it from here.
 */
export type RecordDisplayStatus = ReviewStatus | 'retracted' | 'superseded';

export function recordDisplayStatus(record: Pick<SupportRecord, 'state' | 'review'>): RecordDisplayStatus {
  return record.state === 'active' ? record.review.status : record.state;
}

export const DISPLAY_STATUS_TONES: Record<RecordDisplayStatus, TagTone> = {
  pending: 'neutral',
  reviewed: 'success',
  flagged: 'warning',
  superseded: 'neutral',
  retracted: 'neutral',
};

/** The message key (namespace "support") of a display status. */
export function displayStatusKey(status: RecordDisplayStatus): string {
  return status === 'retracted' || status === 'superseded'
    ? `record.states.${status}`
    : `record.reviewStatus.${status}`;
}

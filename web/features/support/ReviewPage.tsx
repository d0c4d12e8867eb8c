import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus, SupportRecord } from '../../../shared/contracts/support';
import { ApiError } from '../../app/api';
import { Alert, Button, Dialog, EmptyState, PageHeader, Select, TextArea } from '../../ui';
import { ListBody } from './ListBody';
import { useRecordPages, useReviewRecords } from './records-queries';
import { RecordsTable } from './RecordsTable';
import './support.css';

const REVIEW_FILTERS: readonly (ReviewStatus | '')[] = ['pending', 'flagged', 'reviewed', ''];

/** The leader's review: approve what members recorded, or flag it with a reason the author will see. */
export function ReviewPage() {
  const { t, i18n } = useTranslation('support');
  const [review, setReview] = useState<ReviewStatus | ''>('pending');
  const pages = useRecordPages({ review: review || undefined, state: 'active' });
  const mutation = useReviewRecords();
  const [flagging, setFlagging] = useState<SupportRecord[] | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<number | null>(null);

  const records = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const reviewable = records.filter(
    (r) => r.actions.includes('support.review') && r.review.status !== 'reviewed',
  );

  async function decide(items: SupportRecord[], decision: 'reviewed' | 'flagged', reason?: string) {
    setDone(null);
    try {
      const result = await mutation.mutateAsync({
        ids: items.map((r) => r.id),
        decision,
        note: reason?.trim() || null,
      });
      setDone(result.results.filter((r) => r.status === decision).length);
    } catch {
      // mutation.error carries the server's reason, shown above the list.
    }
  }

  const error = mutation.error instanceof ApiError ? mutation.error.messageIn(i18n.language) : null;

  return (
    <div className="stack">
      <PageHeader title={t('lists.reviewTitle')} description={t('lists.reviewIntro')} />
      <Select
        label={t('lists.reviewFilter')}
        value={review}
        options={REVIEW_FILTERS.map((v) => ({
          value: v,
          label: v ? t(`record.reviewStatus.${v}`) : t('lists.all'),
        }))}
        onChange={(e) => setReview(e.target.value as ReviewStatus | '')}
      />
      <div aria-live="polite">
        {done !== null && <Alert tone="success">{t('lists.reviewedCount', { count: done })}</Alert>}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <ListBody pages={pages}>
        <RecordsTable
          records={records}
          caption={t('lists.caption')}
          showAuthor
          showTeam
          empty={<EmptyState title={t('lists.reviewEmpty')} />}
          actions={(r) =>
            r.actions.includes('support.review') ? (
              <>
                {r.review.status !== 'reviewed' && (
                  <Button
                    variant="secondary"
                    loading={mutation.isPending}
                    onClick={() => void decide([r], 'reviewed')}
                  >
                    {t('lists.approve')}
                  </Button>
                )}
                {r.review.status !== 'flagged' && (
                  <Button variant="ghost" onClick={() => setFlagging([r])}>
                    {t('lists.flag')}
                  </Button>
                )}
              </>
            ) : null
          }
        />
      </ListBody>
      {reviewable.length > 1 && (
        <div className="review-bar">
          <Button loading={mutation.isPending} onClick={() => void decide(reviewable, 'reviewed')}>
            {t('lists.approveSelected', { count: reviewable.length })}
          </Button>
        </div>
      )}
      <Dialog
        open={flagging !== null}
        onClose={() => setFlagging(null)}
        title={t('lists.flag')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setFlagging(null)}>
              {t('lists.cancel')}
            </Button>
            <Button
              loading={mutation.isPending}
              onClick={() => {
                const items = flagging ?? [];
                setFlagging(null);
                void decide(items, 'flagged', note).then(() => setNote(''));
              }}
            >
              {t('lists.flagSelected', { count: flagging?.length ?? 0 })}
            </Button>
          </>
        }
      >
        <TextArea
          label={t('lists.flagNote')}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </Dialog>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ReviewStatus, SupportRecord } from '../../../shared/contracts/support';
import { ApiError } from '../../app/api';
import { formatDateTime } from '../../app/format';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  EmptyState,
  PageHeader,
  Select,
  StickyBar,
  TextArea,
} from '../../ui';
import { UnitName } from '../geography/UnitName';
import { ListBody } from './ListBody';
import { REVIEW_PATH } from './paths';
import { filterFromSearch, searchOfFilter, usePagedRecords, useReviewRecords } from './records-queries';
import { RecordsTable } from './RecordsTable';
import './support.css';

const REVIEW_FILTERS: readonly (ReviewStatus | '')[] = ['pending', 'flagged', 'reviewed', ''];
/** "Every status" in the address: without `review` the list shows what waits (`pending`). */
const EVERY_STATUS = 'all';

/**
 * The leader's review: approve what members recorded, or flag it with a reason the author will see. The filter is
 * in the address (`?review=flagged`, `?unit=27712`, `?team=…`), so a role home's tile opens the queue it counted.
 */
export function ReviewPage() {
  const { t, i18n } = useTranslation('support');
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const review: ReviewStatus | '' = search.get('review') === EVERY_STATUS ? '' : (filter.review ?? 'pending');
  const narrowed =
    filter.unit ?? filter.teamId ?? filter.memberId ?? filter.service ?? filter.from ?? filter.to;
  const paged = usePagedRecords({ ...filter, review: review || undefined, state: 'active' });
  const mutation = useReviewRecords();
  const [flagging, setFlagging] = useState<SupportRecord[] | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const reviewable = paged.records.filter(
    (r) => r.actions.includes('support.review') && r.review.status !== 'reviewed',
  );
  // Only what is on this page counts: a choice made on another page is not acted on unseen.
  const chosen = reviewable.filter((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function decide(items: SupportRecord[], decision: 'reviewed' | 'flagged', reason?: string) {
    setDone(null);
    try {
      const result = await mutation.mutateAsync({
        ids: items.map((r) => r.id),
        decision,
        note: reason?.trim() || null,
      });
      setDone(result.results.filter((r) => r.status === decision).length);
      setSelected(new Set());
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
        onChange={(e) => {
          const next = e.target.value as ReviewStatus | '';
          const query = new URLSearchParams(searchOfFilter({ ...filter, review: next || undefined }));
          if (!next) query.set('review', EVERY_STATUS);
          setSearch(query, { replace: true });
          setSelected(new Set());
        }}
      />
      {narrowed && (
        <p className="cluster">
          <span>
            {filter.unit ? (
              <>
                {t('lists.filteredToUnit')} <UnitName code={filter.unit} />
              </>
            ) : (
              t('lists.filteredNarrow')
            )}
          </span>
          <Link to={REVIEW_PATH}>{t('lists.clearFilter')}</Link>
        </p>
      )}
      <div aria-live="polite">
        {done !== null && <Alert tone="success">{t('lists.reviewedCount', { count: done })}</Alert>}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <ListBody paged={paged}>
        <RecordsTable
          records={paged.records}
          caption={t('lists.caption')}
          showAuthor
          showTeam
          empty={<EmptyState title={t('lists.reviewEmpty')} />}
          actions={(r) =>
            r.actions.includes('support.review') ? (
              <div className="cluster">
                {r.review.status !== 'reviewed' && (
                  <Checkbox
                    label={
                      <>
                        {t('lists.select')}
                        <span className="visually-hidden">
                          {' '}
                          {t('lists.selectLabel', { when: formatDateTime(r.occurredAt) })}
                        </span>
                      </>
                    }
                    checked={selected.has(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                  />
                )}
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
              </div>
            ) : null
          }
        />
      </ListBody>
      {reviewable.length > 1 && (
        <StickyBar label={t('lists.reviewActions')}>
          {chosen.length > 0 ? (
            <>
              <Button loading={mutation.isPending} onClick={() => void decide(chosen, 'reviewed')}>
                {t('lists.approveChosen', { count: chosen.length })}
              </Button>
              <Button variant="secondary" onClick={() => setFlagging(chosen)}>
                {t('lists.flagChosen', { count: chosen.length })}
              </Button>
            </>
          ) : (
            <Button loading={mutation.isPending} onClick={() => void decide(reviewable, 'reviewed')}>
              {t('lists.approveSelected', { count: reviewable.length })}
            </Button>
          )}
        </StickyBar>
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

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PublicCase } from '../../../shared/contracts/cases';
import { CASE_TRACKING_CODE_PATTERN } from '../../../shared/rules/case-workflow';
import { TrackByCode } from '../../app/TrackByCode';
import { formatDate, formatDateTime } from '../../app/format';
import { Alert, PageHeader, Tag } from '../../ui';
import { fetchTrackedCase } from './cases-api';
import { CaseStepper, CaseTimeline } from './CaseProgress';
import { DisputeForm, FollowForm, RateForm, SupportButton } from './CitizenActions';
import { LookupForm } from './LookupForm';
import { trackPath } from './paths';
import './cases.css';

/** The reporter's token: from the private link (then kept on this device), else from "my reports" here. */
function useReporterToken(item: PublicCase | undefined): string | null {
  const [params] = useSearchParams();
  const fromLink = params.get('token');
  const [stored, setStored] = useState<string | null>(null);
  useEffect(() => {
    if (!item) return;
    let live = true;
    void (async () => {
      const { reportDatabase, tokenFor } = await import('./report-store');
      const db = reportDatabase();
      const known = await tokenFor(db, item.code).catch(() => null);
      if (!known && fromLink) {
        await db.mine
          .put({
            id: item.id,
            code: item.code,
            token: fromLink,
            title: item.title,
            submittedAt: item.submittedAt,
          })
          .catch(() => undefined);
      }
      if (live) setStored(known);
    })();
    return () => {
      live = false;
    };
  }, [item, fromLink]);
  return fromLink ?? stored;
}

/**
 * True from the first render where `offered` was true, for as long as the page shows this case. The rating and
 * dispute forms stay mounted after they were sent: the refreshed case no longer offers them (mayRate, mayDispute
 * turn false), and without this the form — and its "thank you" in a live region — vanished at once.
 */
function useOfferedOnce(offered: boolean): boolean {
  const [seen, setSeen] = useState(offered);
  if (offered && !seen) setSeen(true);
  return offered || seen;
}

const DEADLINE_TONE = { on_time: 'success', due_soon: 'warning', overdue: 'danger' } as const;

function Facts({ item }: { item: PublicCase }) {
  const { t } = useTranslation('cases');
  const place = [item.addressText, item.communeName].filter(Boolean).join(', ');
  const waiting = item.state === 'submitted';
  const due = waiting ? item.acceptDueAt : item.handleDueAt;
  return (
    <dl className="case-facts">
      <dt>{t('track.status')}</dt>
      <dd>
        <strong>{t(`states.${item.state}`)}</strong>
      </dd>
      <dt>{t('track.category')}</dt>
      <dd>
        {item.categoryName} ({t(`track.kind.${item.kind}`)})
      </dd>
      {place && (
        <>
          <dt>{t('track.place')}</dt>
          <dd>{place}</dd>
        </>
      )}
      <dt>{t('track.submittedAt')}</dt>
      <dd>{formatDate(item.submittedAt)}</dd>
      {item.publicName && (
        <>
          <dt>{t('track.sender')}</dt>
          <dd>{item.publicName}</dd>
        </>
      )}
      {item.agencyName && (
        <>
          <dt>{t('track.agency')}</dt>
          <dd>{item.agencyName}</dd>
        </>
      )}
      {due && ['submitted', 'accepted', 'assigned', 'in_progress'].includes(item.state) && (
        <>
          <dt>{waiting ? t('track.acceptDue') : t('track.handleDue')}</dt>
          <dd>
            {formatDateTime(due)}{' '}
            {item.deadlineStatus && (
              <Tag tone={DEADLINE_TONE[item.deadlineStatus]}>
                {t(`track.deadline.${item.deadlineStatus}`)}
              </Tag>
            )}
          </dd>
        </>
      )}
      <dt className="visually-hidden">+1</dt>
      <dd>{t('track.supporters', { count: item.supporters })}</dd>
    </dl>
  );
}

function CaseView({ item }: { item: PublicCase }) {
  const { t } = useTranslation('cases');
  const token = useReporterToken(item);
  const showRate = useOfferedOnce(item.mayRate);
  const showDispute = useOfferedOnce(item.mayDispute && token !== null);
  return (
    <div className="stack">
      <PageHeader
        title={item.published ? item.title : item.code}
        description={item.published ? item.code : undefined}
      />
      <CaseStepper state={item.state} />
      <Facts item={item} />
      {!item.published && <Alert tone="info">{t('track.unpublished')}</Alert>}
      {item.published && <p className="case-text">{item.description}</p>}
      {item.mergedIntoCode && (
        <Alert tone="info">
          <Link to={trackPath(item.mergedIntoCode)}>
            {t('track.mergedInto', { code: item.mergedIntoCode })}
          </Link>
        </Alert>
      )}
      {item.refusedReason && (
        <section className="stack" aria-labelledby="case-refused-title">
          <h2 id="case-refused-title">{t('track.refusedTitle')}</h2>
          <p className="case-text">{item.refusedReason}</p>
        </section>
      )}
      {item.published && item.photos.length > 0 && (
        <section aria-labelledby="case-photos-title">
          <h2 id="case-photos-title">{t('track.photos')}</h2>
          <ul className="case-photos" role="list">
            {item.photos.map((photo, index) => (
              <li key={photo.id} className="case-photos__item">
                <a href={photo.url}>
                  <img
                    src={photo.thumbUrl}
                    alt={t('track.photoAlt', { n: index + 1 })}
                    loading="lazy"
                    width={120}
                    height={120}
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.answer && (
        <section className="stack case-answer" aria-labelledby="case-answer-title">
          <h2 id="case-answer-title">{t('track.answerTitle')}</h2>
          {item.answeredAt && (
            <p className="muted">{t('track.answeredAt', { at: formatDateTime(item.answeredAt) })}</p>
          )}
          <p className="case-text">{item.answer}</p>
          {item.rating !== null && <p>{t('track.rated', { rating: item.rating })}</p>}
        </section>
      )}
      {showRate &&
        (token ? <RateForm item={item} token={token} /> : <p className="muted">{t('rate.needToken')}</p>)}
      {showDispute && token && <DisputeForm item={item} token={token} />}
      {item.published && !['closed', 'refused', 'merged'].includes(item.state) && (
        <SupportButton item={item} />
      )}
      <CaseTimeline entries={item.timeline} />
      {!['closed', 'refused', 'merged'].includes(item.state) && <FollowForm item={item} />}
    </div>
  );
}

/** /reports/:code — a case's public page, by tracking code. */
export function TrackPage() {
  const { t } = useTranslation('cases');
  const code = (useParams().code ?? '').toUpperCase();
  return (
    <TrackByCode
      code={code}
      valid={CASE_TRACKING_CODE_PATTERN.test(code)}
      queryKey={['cases', 'track', code]}
      fetchRecord={fetchTrackedCase}
      lookup={<LookupForm initial={code} />}
      texts={{
        lookupTitle: t('track.lookupTitle'),
        notFound: t('track.notFound'),
        badCode: t('track.badCode'),
        loadFailed: t('track.loadFailed'),
        retry: t('report.retry'),
      }}
    >
      {(item) => <CaseView key={item.id} item={item} />}
    </TrackByCode>
  );
}

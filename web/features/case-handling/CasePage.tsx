import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { ApiError } from '../../app/api';
import { formatDateTime, isoDateTime } from '../../app/format';
import { Alert, Button, Card, PageHeader, Skeleton } from '../../ui';
import { ActionPanel } from './ActionPanel';
import { CaseTimeline, NoteForm } from './CaseTimeline';
import { ExtensionsPanel } from './ExtensionsPanel';
import { DeadlineTag, SeverityTag, StateTag } from './labels';
import { ModerationPanel } from './ModerationPanel';
import { INBOX_PATH } from './paths';
import { useHandlerCase } from './queries';
import { ReporterBox } from './ReporterBox';
import './case-handling.css';

/** One case as a handler in scope sees it: the public view, the sender, the internal history and the next steps. */
export function CasePage() {
  const { t, i18n } = useTranslation('case-handling');
  const { id = '' } = useParams();
  const query = useHandlerCase(id);

  if (query.isPending) return <Skeleton title lines={8} />;
  if (query.isError) {
    const notFound =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
    return (
      <div className="stack">
        <p>
          <Link to={INBOX_PATH}>{t('case.back')}</Link>
        </p>
        <Alert tone="error" title={notFound ? t('case.notFound') : t('common.loadFailed')}>
          {!notFound && query.error instanceof ApiError && <p>{query.error.messageIn(i18n.language)}</p>}
          {!notFound && (
            <Button variant="secondary" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          )}
        </Alert>
      </div>
    );
  }
  const c = query.data;
  return (
    <div className="stack">
      <p>
        <Link to={INBOX_PATH}>{t('case.back')}</Link>
      </p>
      <PageHeader
        title={c.title}
        documentTitle={`${c.code} · ${c.title}`}
        description={
          <span className="cluster">
            <span className="case-code">{c.code}</span>
            <StateTag state={c.state} />
            <SeverityTag severity={c.severity} />
          </span>
        }
      />
      {c.hidden && (
        <Alert tone="warning" title={t('case.hiddenCase')}>
          {c.hiddenReason && <p>{t('case.hiddenReason', { reason: c.hiddenReason })}</p>}
        </Alert>
      )}
      {!c.published && <Alert tone="info">{t('case.notPublished')}</Alert>}
      <div className="case-layout">
        <div className="stack">
          <CaseDetails c={c} />
          <CaseTimeline caseView={c} />
          <NoteForm caseView={c} />
        </div>
        <div className="stack">
          <ActionPanel caseView={c} />
          <ReporterBox caseView={c} />
          <ExtensionsPanel caseView={c} />
          <ModerationPanel caseView={c} />
        </div>
      </div>
    </div>
  );
}

function CaseDetails({ c }: { c: HandlerCase }) {
  const { t } = useTranslation('case-handling');
  const place = [c.addressText, c.communeName].filter(Boolean).join(', ');
  const edited = c.originalDescription.trim() !== c.description.trim();
  return (
    <Card title={t('case.details')}>
      <dl className="case-facts">
        <dt>{t('case.kind')}</dt>
        <dd>{t(`kind.${c.kind}`)}</dd>
        <dt>{t('case.category')}</dt>
        <dd>{c.categoryName}</dd>
        <dt>{t('case.submitted')}</dt>
        <dd>
          <time dateTime={isoDateTime(c.submittedAt)}>{formatDateTime(c.submittedAt)}</time>
        </dd>
        <dt>{t('case.channel')}</dt>
        <dd>{t(`channel.${c.channel}`, { defaultValue: c.channel })}</dd>
        <dt>{t('case.place')}</dt>
        <dd>
          {place || <span className="muted">{t('case.noPlace')}</span>}
          {c.lat !== null && c.lng !== null && (
            <>
              {' '}
              <a href={`https://www.openstreetmap.org/?mlat=${c.lat}&mlon=${c.lng}#map=18/${c.lat}/${c.lng}`}>
                {t('case.map')}
              </a>
            </>
          )}
        </dd>
        <dt>{t('case.agency')}</dt>
        <dd>{c.agencyName ?? <span className="muted">{t('case.noAgency')}</span>}</dd>
        <dt>{c.state === 'submitted' ? t('case.acceptDue') : t('case.handleDue')}</dt>
        <dd>
          <DeadlineTag
            status={c.deadlineStatus}
            dueAt={c.state === 'submitted' ? c.acceptDueAt : c.handleDueAt}
          />
        </dd>
      </dl>
      <h3>{t('case.description')}</h3>
      <p className="case-text">{c.description}</p>
      {edited && (
        <details>
          <summary>{t('case.originalDescription')}</summary>
          <p className="case-text">{c.originalDescription}</p>
        </details>
      )}
      {c.allPhotos.length > 0 && (
        <>
          <h3>{t('case.photos')}</h3>
          <ul className="case-photos">
            {c.allPhotos.map((photo, index) => (
              <li key={photo.id} className={photo.hidden ? 'case-photos__hidden' : undefined}>
                <a href={photo.url}>
                  <img
                    src={photo.thumbUrl}
                    alt={t('case.photoAlt', { n: index + 1, code: c.code })}
                    width={photo.width}
                    height={photo.height}
                    loading="lazy"
                  />
                </a>
                {photo.hidden && <span className="muted">{t('case.photoHidden')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.answer && (
        <>
          <h3>{t('case.answer')}</h3>
          <p className="case-text">{c.answer}</p>
        </>
      )}
      {c.refusedReason && (
        <>
          <h3>{t('case.refusedReason')}</h3>
          <p className="case-text">{c.refusedReason}</p>
        </>
      )}
      {c.mergedIntoCode && <p>{t('case.mergedInto', { code: c.mergedIntoCode })}</p>}
      {c.rating !== null && (
        <p>
          {t('case.rating', { rating: c.rating })}
          {c.ratingComment ? ` — ${c.ratingComment}` : ''}
        </p>
      )}
    </Card>
  );
}

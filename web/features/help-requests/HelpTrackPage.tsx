import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { HELP_REQUEST_CODE_PATTERN } from '../../../shared/rules/help-request-workflow';
import { TrackByCode } from '../../app/TrackByCode';
import { formatDate, formatDateTime } from '../../app/format';
import { Button, PageHeader, TextField } from '../../ui';
import { fetchTrackedHelpRequest, type PublicHelpRequest } from './help-api';
import { helpTrackPath } from './paths';
import { RateForm } from './RateForm';
import './help-requests.css';

const TOKENS_KEY = 'cds.help-request.tokens';

/** The private link's token, kept on this device per code so the plain status link still offers the rating. */
function useRequesterToken(code: string): string | null {
  const [params] = useSearchParams();
  const fromLink = params.get('token');
  const [stored, setStored] = useState<string | null>(null);
  useEffect(() => {
    try {
      const tokens = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}') as Record<string, string>;
      if (fromLink && tokens[code] !== fromLink) {
        localStorage.setItem(TOKENS_KEY, JSON.stringify({ ...tokens, [code]: fromLink }));
      }
      setStored(tokens[code] ?? null);
    } catch {
      // No storage: the link's token still works while the page is open.
    }
  }, [code, fromLink]);
  return fromLink ?? stored;
}

function LookupForm({ initial }: { initial: string }) {
  const { t } = useTranslation('help-requests');
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const normalised = code.trim().toUpperCase();
    if (!HELP_REQUEST_CODE_PATTERN.test(normalised)) return setError(t('track.badCode'));
    setError(undefined);
    void navigate(helpTrackPath(normalised));
  }
  return (
    <form className="stack" onSubmit={submit} noValidate role="search" aria-label={t('track.lookupTitle')}>
      <TextField
        id="help-lookup-code"
        label={t('track.lookupLabel')}
        hint={t('track.lookupHint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={30}
        value={code}
        error={error}
        onChange={(e) => setCode(e.target.value)}
      />
      <Button type="submit" variant="secondary">
        {t('track.lookupSubmit')}
      </Button>
    </form>
  );
}

function RequestView({ item }: { item: PublicHelpRequest }) {
  const { t, i18n } = useTranslation('help-requests');
  const token = useRequesterToken(item.code);
  const words = (w: { vi: string; en: string }) => (i18n.language.startsWith('en') ? w.en : w.vi);
  const place = [item.hamletName, item.communeName].filter(Boolean).join(', ');
  return (
    <div className="stack">
      <PageHeader title={t('track.title', { code: item.code })} />
      <dl className="help-facts">
        <dt>{t('track.status')}</dt>
        <dd>
          <strong data-testid="help-status">{words(item.status)}</strong>
        </dd>
        {item.need && (
          <>
            <dt>{t('track.need')}</dt>
            <dd>{item.need}</dd>
          </>
        )}
        {place && (
          <>
            <dt>{t('track.place')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {item.teamName && (
          <>
            <dt>{t('track.team')}</dt>
            <dd>{item.teamName}</dd>
          </>
        )}
        <dt>{t('track.createdAt')}</dt>
        <dd>{formatDate(item.createdAt)}</dd>
        {item.scheduledFor && (
          <>
            <dt>{t('track.scheduledFor')}</dt>
            <dd>{formatDateTime(item.scheduledFor)}</dd>
          </>
        )}
      </dl>
      <p className="muted">{t('track.noPersonal')}</p>
      {item.rating !== null && <p>{t('track.rated', { rating: item.rating })}</p>}
      {item.canRate &&
        (token ? (
          <RateForm code={item.code} token={token} />
        ) : (
          <p className="muted">{t('rate.needToken')}</p>
        ))}
      <section aria-labelledby="help-timeline-title">
        <h2 id="help-timeline-title">{t('track.timelineTitle')}</h2>
        <ol className="help-timeline">
          {item.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> ·{' '}
              <strong>{words(entry.status)}</strong>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** /help/:code — a help request's public status by its code: the state in words, steps, team; nothing personal. */
export function HelpTrackPage() {
  const { t } = useTranslation('help-requests');
  const code = (useParams().code ?? '').toUpperCase();
  return (
    <TrackByCode
      code={code}
      valid={HELP_REQUEST_CODE_PATTERN.test(code)}
      queryKey={['help-requests', 'track', code]}
      fetchRecord={fetchTrackedHelpRequest}
      lookup={<LookupForm initial={code} />}
      texts={{
        lookupTitle: t('track.lookupTitle'),
        notFound: t('track.notFound'),
        badCode: t('track.badCode'),
        loadFailed: t('track.loadFailed'),
        retry: t('track.retry'),
      }}
    >
      {(item) => <RequestView key={item.code} item={item} />}
    </TrackByCode>
  );
}

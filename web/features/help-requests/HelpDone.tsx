import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { Button, buttonClass } from '../../ui';
import type { CreateHelpRequestResult } from './help-api';
import { helpTrackPath } from './paths';

/** After sending: the code, big; who got it and by when they call; the status page and the private link to rate. */
export function HelpDone({ result, onAnother }: { result: CreateHelpRequestResult; onAnother: () => void }) {
  const { t } = useTranslation('help-requests');
  const origin = typeof window !== 'undefined' ? window.location.origin : '';
  const privateLink = result.token ? `${origin}${helpTrackPath(result.code, result.token)}` : null;
  return (
    <section className="stack help-done" aria-labelledby="help-done-title">
      <h2 id="help-done-title" tabIndex={-1}>
        {t('done.title')}
      </h2>
      <p>{t('done.code')}</p>
      <p className="help-code" data-testid="help-code">
        {result.code}
      </p>
      <p>{t('done.keep')}</p>
      <p>{t(`done.routed.${result.routedTo}`, { team: result.teamName ?? '' })}</p>
      <p>{t('done.callBy', { due: formatDateTime(result.callDueAt) })}</p>
      <p>
        <Link to={helpTrackPath(result.code)} className={buttonClass('primary')}>
          {t('done.track')}
        </Link>
      </p>
      {privateLink && (
        <div className="field">
          <p className="field__label">{t('done.privateLink')}</p>
          <p className="field__hint">{t('done.privateHint')}</p>
          <a href={privateLink} className="help-private-link">
            {privateLink}
          </a>
        </div>
      )}
      <Button variant="secondary" onClick={onAnother}>
        {t('done.another')}
      </Button>
    </section>
  );
}

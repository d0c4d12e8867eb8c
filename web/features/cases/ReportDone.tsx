import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreateCaseResult } from '../../../shared/contracts/cases';
import { formatDateTime } from '../../app/format';
import { Button, buttonClass } from '../../ui';
import { trackPath } from './paths';

/** After sending: the tracking code, big; the public page; the private link with the reporter's token. */
export function ReportDone({ result, onAnother }: { result: CreateCaseResult; onAnother: () => void }) {
  const { t } = useTranslation('cases');
  const origin = typeof window !== 'undefined' ? window.location.origin : '';
  const privateLink = result.reporterToken
    ? `${origin}${trackPath(result.code, result.reporterToken)}`
    : null;
  return (
    <section className="stack case-done" aria-labelledby="case-done-title">
      <h2 id="case-done-title" tabIndex={-1}>
        {t('done.title')}
      </h2>
      <p>{t('done.code')}</p>
      <p className="case-code" data-testid="case-code">
        {result.code}
      </p>
      <p>{t('done.keep')}</p>
      <p>{t('done.due', { due: formatDateTime(result.acceptDueAt) })}</p>
      <p>
        <Link to={trackPath(result.code)} className={buttonClass('primary')}>
          {t('done.track')}
        </Link>
      </p>
      {privateLink && (
        <div className="field">
          <p className="field__label">{t('done.privateLink')}</p>
          <p className="field__hint">{t('done.privateHint')}</p>
          <a href={privateLink} className="case-private-link">
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

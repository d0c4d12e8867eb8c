import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, buttonClass } from '../../ui';
import { questionPath } from './paths';
import type { AskResult } from './questions-api';

/** The done screen: whether the question waits for moderation, and the private link, shown once. */
export function AskDone({ result, onAnother }: { result: AskResult; onAnother: () => void }) {
  const { t } = useTranslation('questions');
  const link = questionPath(result.id, result.askerToken);
  const absolute = typeof window === 'undefined' ? link : new URL(link, window.location.origin).href;
  return (
    <section className="stack" aria-labelledby="ask-done-title">
      <h2 id="ask-done-title" tabIndex={-1}>
        {t('done.title')}
      </h2>
      <Alert tone={result.status === 'pending' ? 'info' : 'success'}>
        {result.status === 'pending' ? t('done.pending') : t('done.published')}
      </Alert>
      <div>
        <h3>{t('done.privateLink')}</h3>
        <p className="field__hint">{t('done.privateLinkHint')}</p>
        <p>
          <a className="question-link" href={link} data-testid="asker-link">
            {absolute}
          </a>
        </p>
      </div>
      <div className="question-actions">
        <Link className={buttonClass('primary')} to={link}>
          {t('done.open')}
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          {t('done.another')}
        </Button>
      </div>
    </section>
  );
}

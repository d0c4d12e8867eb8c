import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass, Card } from '../../ui';
import { StateTag } from './labels';
import { helpRequestPath, HELP_REQUESTS_PATH } from './paths';
import { useHelpRequestGlance } from './queries';

/**
 * The role home's glance at help requests: a team's open ones (leaders and members), or a commune's not yet assigned
 * (commune officers). The list endpoint with a small limit; the server scopes it to the caller.
 */
export function HomeHelpRequests({ state }: { state: 'open' | 'new' }) {
  const { t } = useTranslation('help-request-handling');
  const glance = useHelpRequestGlance(state);
  if (!glance.data) return null;
  const items = glance.data.items;
  const more = glance.data.nextCursor !== null;
  return (
    <Card title={t('home.title')} level={3}>
      {items.length === 0 ? (
        <p>{t('home.none')}</p>
      ) : (
        <>
          <p>
            <strong className="home-figure">
              {items.length}
              {more ? '+' : ''}
            </strong>{' '}
            {state === 'new' ? t('home.newCount') : t('home.openCount')}
          </p>
          <ul className="home-names">
            {items.map((r) => (
              <li key={r.id}>
                <Link to={helpRequestPath(r.id)}>{r.code}</Link> · {r.need} <StateTag state={r.state} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link
          to={state === 'new' ? `${HELP_REQUESTS_PATH}?state=new` : HELP_REQUESTS_PATH}
          className={buttonClass('secondary')}
        >
          {t('home.all')}
        </Link>
      </p>
    </Card>
  );
}

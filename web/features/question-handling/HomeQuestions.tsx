import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass, Card } from '../../ui';
import { QUESTIONS_PATH } from '../questions/paths';
import { fetchQuestions } from '../questions/questions-api';
import { UNANSWERED_PATH } from './paths';

/** The most the glance counts: past it the home says "more than", rather than reading every question. */
export const HOME_QUESTIONS_LIMIT = 100;

/**
 * The role home's glance at the Q&A for team members and leaders: how many published questions wait for an answer
 * (one page of the public list, answered=no), with links to them and to the network's "over 48 hours" list.
 */
export function HomeQuestions() {
  const { t } = useTranslation('question-handling');
  const query = useQuery({
    queryKey: ['questions', 'home-waiting'],
    queryFn: ({ signal }) => fetchQuestions({ answered: 'no', limit: HOME_QUESTIONS_LIMIT }, signal),
    staleTime: 60_000,
  });
  if (!query.data) return null;
  const count = query.data.items.length;
  const more = query.data.nextCursor !== null;
  return (
    <Card title={t('nav.unanswered')} level={3}>
      <p>
        {count === 0 ? (
          t('home.none')
        ) : (
          <strong>{more ? t('home.waitingMany', { count }) : t('home.waiting', { count })}</strong>
        )}
      </p>
      <p className="question-actions">
        <Link to={`${QUESTIONS_PATH}?answered=no`} className={buttonClass('secondary')}>
          {t('home.open')}
        </Link>
        <Link to={UNANSWERED_PATH}>{t('unanswered.title')}</Link>
      </p>
    </Card>
  );
}

import { lazy, Suspense, useEffect, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { useSession } from '../../app/session';
import { Alert, EmptyState, PageHeader, Skeleton, Tag } from '../../ui';
import { AnswerCard } from './AnswerCard';
import { askerTokenFor, rememberAskerToken } from './asker-tokens';
import { Comments } from './Comments';
import { JsonLd } from './JsonLd';
import { PlainText } from './PlainText';
import { QUESTIONS_PATH, questionPath } from './paths';
import { questionQueryKey, QUESTIONS_QUERY_KEY } from './question-query';
import { acceptAnswer, fetchQuestion } from './questions-api';
import { ReaderActions } from './ReaderActions';
import { useTopicName } from './use-question-choices';
import './questions.css';

const QuestionStaffTools = lazy(async () => ({
  default: (await import('../question-handling/QuestionStaffTools')).QuestionStaffTools,
}));

/**
 * The asker's token: from the private link (?askerToken=…, then kept on this device for that question) or from an
 * earlier visit. Read after hydration: the server renders the page without it, and the first browser render agrees.
 */
function useAskerToken(id: string | undefined): string | null {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    const fromLink = new URLSearchParams(window.location.search).get('askerToken');
    if (fromLink) rememberAskerToken(id, fromLink);
    setToken(fromLink ?? askerTokenFor(id));
  }, [id]);
  return token;
}

/**
 * /questions/:id — rendered per request with its data on the server (the anonymous view, seeded into the query
 * cache by web/public-site/page-data.ts), then read again for a signed-in reader or the asker, who see more.
 */
export function QuestionPage() {
  const { t, i18n } = useTranslation('questions');
  const { id } = useParams();
  const { me } = useSession();
  const askerToken = useAskerToken(id);
  const queryClient = useQueryClient();
  const viewer = askerToken ? `asker:${askerToken}` : me ? `user:${me.user.id}` : 'public';
  const query = useQuery({
    queryKey: questionQueryKey(id, viewer),
    queryFn: ({ signal }) => fetchQuestion(id ?? '', askerToken, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
  const topicName = useTopicName();
  const [accepting, setAccepting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [QUESTIONS_QUERY_KEY, 'detail', id] });

  if (query.isPending) return <Skeleton title lines={8} />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="stack">
        <PageHeader title={t('question.notFound')} />
        {notFound ? (
          <EmptyState title={t('question.notFoundHint')} />
        ) : (
          <Alert tone="error">
            {query.error instanceof ApiError ? query.error.messageIn(i18n.language) : null}
          </Alert>
        )}
        <p>
          <Link to={QUESTIONS_PATH}>{t('question.back')}</Link>
        </p>
      </div>
    );
  }
  const question = query.data;
  const signedIn = Boolean(me);
  const isStaff = question.actions.length > 0;
  const answers = question.answers;
  const accept = (answerId: string) => {
    setAccepting(true);
    setFailure(null);
    acceptAnswer(question.id, { answerId, ...(askerToken ? { askerToken } : {}) })
      .then(refresh)
      .catch((error: unknown) =>
        setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error)),
      )
      .finally(() => setAccepting(false));
  };

  return (
    <article className="stack questions">
      {question.status === 'published' && <JsonLd data={question.jsonLd} />}
      <p>
        <Link to={QUESTIONS_PATH}>← {t('question.back')}</Link>
      </p>
      <PageHeader
        title={question.title}
        description={t('question.asked', {
          name: question.askerName ?? t('question.anonymous'),
          date: formatDate(question.publishedAt ?? question.editedAt ?? new Date().toISOString()),
        })}
      />
      <p className="question-card__meta">
        <Tag>{topicName(question.topic)}</Tag>
        {question.inFaq && <Tag tone="success">{t('question.inFaq')}</Tag>}
        {question.locked && <Tag tone="warning">{t('question.locked')}</Tag>}
        {question.closed && <Tag tone="warning">{t('question.closed')}</Tag>}
      </p>
      {question.status === 'pending' && <Alert tone="info">{t('question.pending')}</Alert>}
      {question.status === 'hidden' && <Alert tone="warning">{t('question.hidden')}</Alert>}
      {question.mergedIntoId && (
        <Alert tone="info">
          {t('question.merged')}{' '}
          <Link to={questionPath(question.mergedIntoId)}>{t('question.mergedLink')}</Link>
        </Alert>
      )}
      {askerToken && <Alert tone="info">{t('question.askerMode')}</Alert>}
      <PlainText text={question.body} className="question-body" />
      <ReaderActions
        questionId={question.id}
        helpful={question.helpful}
        upvotes={question.upvotes}
        signedIn={signedIn}
      />
      <Comments
        questionId={question.id}
        comments={question.comments.filter((c) => c.answerId === null)}
        askerToken={askerToken}
        mayComment={!question.locked && !question.closed && (Boolean(askerToken) || isStaff)}
        onAdded={refresh}
      />
      {isStaff && (
        <Suspense fallback={null}>
          <QuestionStaffTools question={question} onChanged={refresh} />
        </Suspense>
      )}
      <section className="stack" aria-labelledby="answers-title">
        <h2 id="answers-title">{t('question.answers', { count: answers.length })}</h2>
        {failure && (
          <Alert tone="error" live>
            {failure}
          </Alert>
        )}
        {answers.length === 0 ? (
          <p>{t('question.noAnswers')}</p>
        ) : (
          <ul className="answer-list">
            {answers.map((answer) => (
              <AnswerCard
                key={answer.id}
                question={question}
                answer={answer}
                askerToken={askerToken}
                signedIn={signedIn}
                isStaff={isStaff}
                onAccept={accept}
                accepting={accepting}
                onChanged={refresh}
              />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

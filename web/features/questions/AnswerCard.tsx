import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail } from '../../../shared/contracts/questions';
import { formatDate } from '../../app/format';
import { Button, Tag } from '../../ui';
import { Comments } from './Comments';
import { PlainText } from './PlainText';
import type { Answer } from './questions-api';
import { ReaderActions } from './ReaderActions';

// Answerers' and moderators' tools load only for them (not part of the public page's first download).
const AnswerStaffTools = lazy(async () => ({
  default: (await import('../question-handling/QuestionStaffTools')).AnswerStaffTools,
}));

/** One answer: its badges (official, accepted), its text, what readers, the asker and staff may do with it. */
export function AnswerCard({
  question,
  answer,
  askerToken,
  signedIn,
  isStaff,
  onAccept,
  accepting,
  onChanged,
}: {
  question: QuestionDetail;
  answer: Answer;
  askerToken: string | null;
  signedIn: boolean;
  isStaff: boolean;
  onAccept: (answerId: string) => void;
  accepting: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('questions');
  const moderator = question.actions.includes('questions.moderate');
  const mayAccept =
    !answer.accepted &&
    answer.status === 'published' &&
    !question.closed &&
    (Boolean(askerToken) || moderator);
  const comments = question.comments.filter((c) => c.answerId === answer.id);
  return (
    <li className={`answer-card stack${answer.accepted ? ' answer-card--accepted' : ''}`}>
      <p className="answer-card__meta">
        {answer.official && <Tag tone="info">{t('answer.official')}</Tag>}
        {answer.accepted && <Tag tone="success">✓ {t('answer.accepted')}</Tag>}
        {answer.status === 'hidden' && <Tag tone="warning">{t('answer.hidden')}</Tag>}
        <span>{t('answer.by', { name: answer.authorName, date: formatDate(answer.createdAt) })}</span>
        {answer.editedAt && <span>({t('question.edited')})</span>}
      </p>
      <PlainText text={answer.body} className="answer-card__body" />
      {mayAccept && (
        <div>
          <Button loading={accepting} onClick={() => onAccept(answer.id)}>
            {t('answer.accept')}
          </Button>
        </div>
      )}
      <ReaderActions
        questionId={question.id}
        answerId={answer.id}
        helpful={answer.helpful}
        upvotes={answer.upvotes}
        signedIn={signedIn}
      />
      <Comments
        questionId={question.id}
        answerId={answer.id}
        comments={comments}
        askerToken={askerToken}
        mayComment={!question.locked && !question.closed && (Boolean(askerToken) || isStaff)}
        onAdded={onChanged}
      />
      {isStaff && (
        <Suspense fallback={null}>
          <AnswerStaffTools question={question} answer={answer} onChanged={onChanged} />
        </Suspense>
      )}
    </li>
  );
}

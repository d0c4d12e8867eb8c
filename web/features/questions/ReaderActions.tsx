import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_FLAG_REASONS } from './limits';
import { ApiError } from '../../app/api';
import { Alert, Button, Select } from '../../ui';
import { questionDeviceId } from './asker-tokens';
import { flag, markHelpful, upvote, type FlagReason } from './questions-api';

/**
 * What a reader does on the question or one answer: "hữu ích" once per device, an upvote once per account (signed
 * in only: the server refuses anonymous upvotes), and a flag with a reason.
 */
export function ReaderActions({
  questionId,
  answerId,
  helpful,
  upvotes,
  signedIn,
}: {
  questionId: string;
  answerId?: string;
  helpful: number;
  upvotes: number;
  signedIn: boolean;
}) {
  const { t, i18n } = useTranslation('questions');
  const [helpfulCount, setHelpfulCount] = useState<{ count: number; done: boolean } | null>(null);
  const [upvoteCount, setUpvoteCount] = useState<number | null>(null);
  const [flagging, setFlagging] = useState(false);
  const [reason, setReason] = useState<FlagReason>('spam');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const target = answerId ? { answerId } : {};
  const fail = (error: unknown) =>
    setMessage({
      tone: 'error',
      text: error instanceof ApiError ? error.messageIn(i18n.language) : String(error),
    });

  return (
    <div className="stack">
      <div className="question-actions">
        <Button
          variant="secondary"
          disabled={helpfulCount?.done}
          onClick={() =>
            void markHelpful(questionId, { ...target, deviceId: questionDeviceId() })
              .then((r) => setHelpfulCount({ count: r.count, done: true }))
              .catch(fail)
          }
        >
          {helpfulCount?.done
            ? t('answer.helpfulDone', { count: helpfulCount.count })
            : t('answer.helpful', { count: helpful })}
        </Button>
        {signedIn && (
          <Button
            variant="secondary"
            disabled={upvoteCount !== null}
            onClick={() =>
              void upvote(questionId, answerId)
                .then((r) => setUpvoteCount(r.count))
                .catch(fail)
            }
          >
            {upvoteCount !== null
              ? t('answer.upvoted', { count: upvoteCount })
              : t('answer.upvote', { count: upvotes })}
          </Button>
        )}
        <Button variant="ghost" aria-expanded={flagging} onClick={() => setFlagging((open) => !open)}>
          {t('answer.flag')}
        </Button>
      </div>
      {flagging && (
        <form
          className="question-actions"
          aria-label={t('flag.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void flag(questionId, { ...target, reason, deviceId: questionDeviceId() })
              .then(() => {
                setFlagging(false);
                setMessage({ tone: 'success', text: t('flag.received') });
              })
              .catch(fail);
          }}
        >
          <Select
            label={t('flag.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as FlagReason)}
            options={QUESTION_FLAG_REASONS.map((value) => ({ value, label: t(`flag.${value}`) }))}
          />
          <Button type="submit">{t('flag.send')}</Button>
          <Button variant="ghost" onClick={() => setFlagging(false)}>
            {t('flag.cancel')}
          </Button>
        </form>
      )}
      {message && (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_BODY } from './limits';
import { ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { Alert, Button, TextArea } from '../../ui';
import { addComment, type Comment } from './questions-api';

/** Clarifications under the question or an answer; the asker (by the private link) and answerers may add one. */
export function Comments({
  questionId,
  answerId,
  comments,
  askerToken,
  mayComment,
  onAdded,
}: {
  questionId: string;
  answerId?: string;
  comments: Comment[];
  askerToken: string | null;
  mayComment: boolean;
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation('questions');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || text.trim().length < 2) return;
    setBusy(true);
    setFailure(null);
    try {
      await addComment(questionId, {
        body: text.trim(),
        ...(answerId ? { answerId } : {}),
        ...(askerToken ? { askerToken } : {}),
      });
      setText('');
      setOpen(false);
      onAdded();
    } catch (error) {
      setFailure(
        t('comments.failed', {
          message: error instanceof ApiError ? error.messageIn(i18n.language) : String(error),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  if (comments.length === 0 && !mayComment) return null;
  return (
    <div className="stack">
      {comments.length > 0 && (
        <ul className="comment-list" aria-label={t('comments.title')}>
          {comments.map((comment) => (
            <li key={comment.id}>
              <p>{comment.body}</p>
              <p className="answer-card__meta">
                {comment.byAsker ? t('comments.byAsker') : (comment.authorName ?? '')} ·{' '}
                {formatDate(comment.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayComment &&
        (open ? (
          <form className="stack" onSubmit={(e) => void submit(e)}>
            <TextArea
              label={t('comments.label')}
              rows={3}
              maxLength={MAX_COMMENT_BODY}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            {failure && (
              <Alert tone="error" live>
                {failure}
              </Alert>
            )}
            <div className="question-actions">
              <Button type="submit" loading={busy}>
                {t('comments.send')}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {t('staff.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <div>
            <Button variant="ghost" onClick={() => setOpen(true)}>
              {t('answer.comment')}
            </Button>
          </div>
        ))}
    </div>
  );
}

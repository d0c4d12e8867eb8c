import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail } from '../../../shared/contracts/questions';
import { Alert, Button, Checkbox, TextArea, TextField } from '../../ui';
import { MAX_ANSWER_BODY, MAX_QUESTION_BODY, MAX_QUESTION_TITLE } from '../questions/limits';
import type { Answer } from '../questions/questions-api';
import {
  answerQuestion,
  demoteFromFaq,
  editAnswer,
  editQuestion,
  mergeQuestion,
  moderate,
  promoteToFaq,
  type ModerationAction,
} from './staff-api';
import { useStaffRun } from './use-staff-run';
import { EditHistory } from './EditHistory';

type Run = ReturnType<typeof useStaffRun>;

function Outcome({ message }: { message: Run['message'] }) {
  return message ? (
    <Alert tone={message.tone} live>
      {message.text}
    </Alert>
  ) : null;
}

/** The answer form: anyone the server lets answer (`questions.answer` in the question's actions). */
function AnswerForm({ question, onChanged }: { question: QuestionDetail; onChanged: () => void }) {
  const { t } = useTranslation('questions');
  const [text, setText] = useState('');
  const { busy, message, run } = useStaffRun(onChanged);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim().length < 2) return;
    if (await run('answer', () => answerQuestion(question.id, text.trim()))) setText('');
  }
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-labelledby="staff-answer-title">
      <h2 id="staff-answer-title">{t('staff.answerTitle')}</h2>
      <TextArea
        label={t('staff.answerLabel')}
        hint={t('staff.answerHint')}
        rows={6}
        maxLength={MAX_ANSWER_BODY}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <Button type="submit" loading={busy === 'answer'}>
          {t('staff.answerSend')}
        </Button>
      </div>
      <Outcome message={message} />
    </form>
  );
}

/** A question's moderation: the steps its state allows, editing (personal data out), merging, the FAQ. */
function Moderation({ question, onChanged }: { question: QuestionDetail; onChanged: () => void }) {
  const { t } = useTranslation('questions');
  const { busy, message, run } = useStaffRun(onChanged);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(question.title);
  const [body, setBody] = useState(question.body);
  const [personalData, setPersonalData] = useState(false);
  const [intoId, setIntoId] = useState('');
  const moderator = question.actions.includes('questions.moderate');
  const curator = question.actions.includes('questions.curate');
  const steps: { action: ModerationAction; label: string }[] = [];
  if (moderator) {
    if (question.status === 'pending') steps.push({ action: 'publish', label: t('staff.publish') });
    if (question.status === 'pending') steps.push({ action: 'reject', label: t('staff.reject') });
    if (question.status === 'hidden') steps.push({ action: 'publish', label: t('staff.publish') });
    if (question.status === 'published') {
      steps.push({ action: 'hide', label: t('staff.hide') });
      steps.push(
        question.locked
          ? { action: 'unlock', label: t('staff.unlock') }
          : { action: 'lock', label: t('staff.lock') },
      );
      steps.push(
        question.closed
          ? { action: 'reopen', label: t('staff.reopen') }
          : { action: 'close', label: t('staff.close') },
      );
    }
    steps.push({ action: 'dismiss_flags', label: t('staff.dismissFlags') });
  }
  const mayCurate = curator && question.status === 'published';
  if (!moderator && !mayCurate) return null;

  return (
    <section className="stack" aria-labelledby="staff-moderation-title">
      <h2 id="staff-moderation-title">{t('staff.moderation')}</h2>
      <div className="question-actions">
        {steps.map((step) => (
          <Button
            key={step.action}
            variant={step.action === 'publish' ? 'primary' : 'secondary'}
            loading={busy === step.action}
            onClick={() => void run(step.action, () => moderate(question.id, { action: step.action }))}
          >
            {step.label}
          </Button>
        ))}
        {mayCurate &&
          (question.inFaq ? (
            <Button
              variant="secondary"
              loading={busy === 'demote'}
              onClick={() => void run('demote', () => demoteFromFaq(question.id))}
            >
              {t('staff.faqDemote')}
            </Button>
          ) : (
            <Button
              loading={busy === 'promote'}
              onClick={() => void run('promote', () => promoteToFaq(question.id))}
            >
              {t('staff.faqPromote')}
            </Button>
          ))}
        {moderator && (
          <Button variant="ghost" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
            {t('staff.editQuestion')}
          </Button>
        )}
      </div>
      {moderator && editing && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run('edit', () =>
              editQuestion(question.id, {
                title: title.trim(),
                body: body.trim(),
                reason: personalData ? 'personal_data' : 'edit',
              }),
            ).then((ok) => ok && setEditing(false));
          }}
        >
          <TextField
            label={t('staff.questionTitle')}
            maxLength={MAX_QUESTION_TITLE}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextArea
            label={t('staff.questionBody')}
            rows={5}
            maxLength={MAX_QUESTION_BODY}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <Checkbox
            label={t('staff.personalData')}
            checked={personalData}
            onChange={(e) => setPersonalData(e.target.checked)}
          />
          <div>
            <Button type="submit" loading={busy === 'edit'}>
              {t('staff.editSave')}
            </Button>
          </div>
        </form>
      )}
      {moderator && question.status !== 'merged' && (
        <form
          className="question-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (intoId.trim()) void run('merge', () => mergeQuestion(question.id, intoId.trim()));
          }}
        >
          <TextField
            label={t('staff.mergeInto')}
            hint={t('staff.mergeHint')}
            value={intoId}
            onChange={(e) => setIntoId(e.target.value)}
          />
          <Button type="submit" variant="secondary" loading={busy === 'merge'}>
            {t('staff.merge')}
          </Button>
        </form>
      )}
      <Outcome message={message} />
    </section>
  );
}

/** The staff's part of a question's page (loaded only when the server lists an action for the caller). */
export function QuestionStaffTools({
  question,
  onChanged,
}: {
  question: QuestionDetail;
  onChanged: () => void;
}) {
  const mayAnswer =
    question.actions.includes('questions.answer') &&
    question.status === 'published' &&
    !question.locked &&
    !question.closed;
  return (
    <>
      <Moderation question={question} onChanged={onChanged} />
      {question.actions.includes('questions.moderate') && <EditHistory questionId={question.id} />}
      {mayAnswer && <AnswerForm question={question} onChanged={onChanged} />}
    </>
  );
}

/**
 * An answer's staff tools: editing (its author or a moderator — the server decides; a personal-data edit keeps no
 * copy of the old text) and, for moderators, hiding or showing it.
 */
export function AnswerStaffTools({
  question,
  answer,
  onChanged,
}: {
  question: QuestionDetail;
  answer: Answer;
  onChanged: () => void;
}) {
  const { t } = useTranslation('questions');
  const { busy, message, run } = useStaffRun(onChanged);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(answer.body);
  const [personalData, setPersonalData] = useState(false);
  const moderator = question.actions.includes('questions.moderate');
  if (!moderator && !question.actions.includes('questions.answer')) return null;
  return (
    <div className="stack">
      <div className="question-actions">
        <Button variant="ghost" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
          {t('staff.edit')}
        </Button>
        {moderator && (
          <Button
            variant="secondary"
            loading={busy === 'visibility'}
            onClick={() =>
              void run('visibility', () =>
                moderate(question.id, {
                  action: answer.status === 'hidden' ? 'publish_answer' : 'hide_answer',
                  answerId: answer.id,
                }),
              )
            }
          >
            {answer.status === 'hidden' ? t('staff.publishAnswer') : t('staff.hideAnswer')}
          </Button>
        )}
      </div>
      {editing && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run('edit', () =>
              editAnswer(question.id, answer.id, {
                body: text.trim(),
                reason: personalData ? 'personal_data' : 'edit',
              }),
            ).then((ok) => ok && setEditing(false));
          }}
        >
          <TextArea
            label={t('staff.answerLabel')}
            rows={5}
            maxLength={MAX_ANSWER_BODY}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Checkbox
            label={t('staff.personalData')}
            checked={personalData}
            onChange={(e) => setPersonalData(e.target.checked)}
          />
          <div className="question-actions">
            <Button type="submit" loading={busy === 'edit'}>
              {t('staff.editSave')}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              {t('staff.cancel')}
            </Button>
          </div>
        </form>
      )}
      <Outcome message={message} />
    </div>
  );
}

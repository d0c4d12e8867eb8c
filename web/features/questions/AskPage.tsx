import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { Alert, Button, FormErrorSummary, PageHeader, Select, Skeleton, TextArea, TextField } from '../../ui';
import { MAX_QUESTION_BODY, MAX_QUESTION_TITLE } from './limits';
import { rememberAskerToken } from './asker-tokens';
import {
  ASK_FIELD_IDS,
  clearAskDraft,
  hasContent,
  loadAskDraft,
  newAskDraft,
  saveAskDraft,
  toAskBody,
  validateAskDraft,
  type AskDraft,
  type AskErrors,
} from './ask-draft';
import { AskDone } from './AskDone';
import { solveChallenge } from './challenge';
import { askQuestion, fetchChallenge, type AskResult } from './questions-api';
import { SimilarQuestions } from './SimilarQuestions';
import { useCommunes, useTopics } from './use-question-choices';
import './questions.css';

// The register's notice sits at the end of the form: it loads right after the first paint, off the page's budget
// (a skeleton until then, on the server too, so the prerendered page and the first browser render agree).
const loadNotice = () => import('./AskNotice');
type NoticeModule = Awaited<ReturnType<typeof loadNotice>>;

/**
 * /questions/ask — anyone may ask, without an account. Similar answered questions are offered while the title is
 * typed; the draft is kept in localStorage; an asker who is not signed in solves the server's proof-of-work
 * challenge in the page (WebCrypto, no third-party service) before the question is sent.
 */
export function AskPage() {
  const { t, i18n } = useTranslation('questions');
  const english = i18n.language.startsWith('en');
  const { me } = useSession();
  // The prerendered page and the first browser render agree on an empty form; the draft is read once hydrated.
  const [draft, setDraft] = useState<AskDraft>(() => newAskDraft());
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<AskErrors>({});
  const [phase, setPhase] = useState<'idle' | 'solving' | 'sending'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<AskResult | null>(null);
  const [notice, setNotice] = useState<NoticeModule | null>(null);
  const latest = useRef(draft);
  const doneRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const topics = useTopics();
  const communes = useCommunes();

  useEffect(() => {
    let live = true;
    void loadNotice()
      .then((module) => live && setNotice(module))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const stored = loadAskDraft();
    if (stored) {
      latest.current = stored;
      setDraft(stored);
      setRestored(hasContent(stored));
      return;
    }
    // What was typed into the prerendered form before the script took over is kept, not wiped by hydration.
    const typed = { title: titleRef.current?.value ?? '', body: bodyRef.current?.value ?? '' };
    if (typed.title || typed.body) {
      latest.current = { ...latest.current, ...typed };
      setDraft(latest.current);
    }
  }, []);

  const update = useCallback((patch: Partial<AskDraft>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    saveAskDraft(next);
  }, []);

  async function send() {
    const current = latest.current;
    setFailure(null);
    try {
      let challenge: { token: string; nonce: string } | undefined;
      if (!me) {
        setPhase('solving');
        const issued = await fetchChallenge();
        challenge = { token: issued.token, nonce: await solveChallenge(issued.token, issued.difficulty) };
      }
      setPhase('sending');
      const sent = await askQuestion({
        ...toAskBody(current, (await loadNotice()).QUESTIONS_CONSENT_VERSION),
        ...(challenge ? { challenge } : {}),
      });
      rememberAskerToken(sent.id, sent.askerToken);
      clearAskDraft();
      setResult(sent);
      window.setTimeout(() => doneRef.current?.querySelector('h2')?.focus(), 0);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') setFailure(t('ask.offline'));
      else
        setFailure(
          t('ask.failed', {
            message: error instanceof ApiError ? error.messageIn(i18n.language) : String(error),
          }),
        );
    } finally {
      setPhase('idle');
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (phase !== 'idle') return;
    const found = validateAskDraft(latest.current);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void send();
  }

  function startOver() {
    clearAskDraft();
    const fresh = newAskDraft();
    latest.current = fresh;
    setDraft(fresh);
    setErrors({});
    setFailure(null);
    setRestored(false);
    setResult(null);
  }

  const errorOf = (field: keyof AskErrors) => (errors[field] ? t(errors[field]!) : undefined);
  const summary = (Object.keys(errors) as (keyof AskErrors)[]).map((field) => ({
    fieldId: ASK_FIELD_IDS[field],
    message: t(errors[field]!),
  }));

  return (
    <div className="stack questions">
      <PageHeader title={t('ask.title')} description={result ? undefined : t('ask.lead')} />
      {result ? (
        <div ref={doneRef}>
          <AskDone result={result} onAnother={startOver} />
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          {restored && <Alert tone="info">{t('ask.restored')}</Alert>}
          <FormErrorSummary errors={summary} />
          <TextField
            id={ASK_FIELD_IDS.title}
            ref={titleRef}
            label={t('ask.questionTitle')}
            hint={t('ask.questionTitleHint')}
            maxLength={MAX_QUESTION_TITLE}
            autoComplete="off"
            value={draft.title}
            error={errorOf('title')}
            onChange={(e) => update({ title: e.target.value })}
          />
          <SimilarQuestions title={draft.title} />
          <TextArea
            id={ASK_FIELD_IDS.body}
            ref={bodyRef}
            label={t('ask.body')}
            hint={t('ask.bodyHint')}
            rows={6}
            maxLength={MAX_QUESTION_BODY}
            value={draft.body}
            error={errorOf('body')}
            onChange={(e) => update({ body: e.target.value })}
          />
          <Select
            label={t('ask.topic')}
            placeholder={t('ask.topicChoose')}
            optional
            value={draft.topic}
            onChange={(e) => update({ topic: e.target.value })}
            options={(topics.data?.items ?? []).map((topic) => ({
              value: topic.code,
              label: english ? topic.nameEn : topic.name,
            }))}
          />
          <Select
            label={t('ask.commune')}
            hint={t('ask.communeHint')}
            placeholder={t('ask.communeChoose')}
            optional
            value={draft.communeCode}
            onChange={(e) => update({ communeCode: e.target.value })}
            options={communes}
          />
          <TextField
            label={t('ask.name')}
            hint={t('ask.nameHint')}
            optional
            maxLength={80}
            autoComplete="nickname"
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
          />
          <TextField
            id={ASK_FIELD_IDS.email}
            label={t('ask.email')}
            hint={t('ask.emailHint')}
            optional
            type="email"
            maxLength={254}
            autoComplete="email"
            value={draft.email}
            error={errorOf('email')}
            onChange={(e) => update({ email: e.target.value })}
          />
          {notice ? (
            <notice.AskNotice
              checked={draft.consent}
              error={errorOf('consent')}
              onChange={(consent) => update({ consent })}
            />
          ) : (
            <Skeleton lines={4} />
          )}
          <p role="status" className="field__hint">
            {phase === 'solving' ? t('ask.solving') : ''}
          </p>
          {failure && (
            <Alert tone="error" live>
              {failure}
            </Alert>
          )}
          <Button type="submit" loading={phase !== 'idle'}>
            {t('ask.submit')}
          </Button>
          {hasContent(draft) && (
            <Button variant="ghost" onClick={startOver}>
              {t('ask.startOver')}
            </Button>
          )}
        </form>
      )}
    </div>
  );
}

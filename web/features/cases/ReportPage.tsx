import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateCaseResult } from '../../../shared/contracts/cases';
import { Alert, Button, FormErrorSummary, PageHeader, Skeleton } from '../../ui';
import { CategoryStep } from './CategoryStep';
import { MyReports } from './MyReports';
import { QueuedReports } from './QueuedReports';
import { ReportDone } from './ReportDone';
import { firstInvalidStep, STEPS, validateStep, type Step, type StepErrors } from './report-form';
import { useCategories } from './use-categories';
import { useReportDraft } from './use-report-draft';
import './cases.css';

/*
 * The first step is in the page's first download (150 KB budget on 3G); the later steps, the device database and
 * the sender load right after the first paint, so they are there by the time the person taps "Continue" (and the
 * service worker keeps them for offline use).
 */
const loadWhat = () => import('./WhatStep');
const loadWhere = () => import('./WhereStep');
const loadContact = () => import('./ContactStep');
const WhatStep = lazy(async () => ({ default: (await loadWhat()).WhatStep }));
const WhereStep = lazy(async () => ({ default: (await loadWhere()).WhereStep }));
const ContactStep = lazy(async () => ({ default: (await loadContact()).ContactStep }));

async function outbox() {
  const [sender, store] = await Promise.all([import('./report-outbox'), import('./report-store')]);
  return { ...sender, db: store.reportDatabase() };
}

/**
 * "Phản ánh hiện trường": four short steps on one page (topic, what, where, contact), each checked before the next.
 * The draft lives in IndexedDB as it is typed; sending queues it first, so with no connection it waits on the
 * device and goes by itself when the phone is back online (same id: the server never stores it twice).
 */
export function ReportPage() {
  const { t, i18n } = useTranslation('cases');
  const { draft, photos, restored, update, addPhotos, removePhoto, reset, startNew, settle, reload } =
    useReportDraft();
  const categories = useCategories(draft?.kind ?? 'report');
  const [errors, setErrors] = useState<StepErrors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CreateCaseResult | null>(null);
  const [queuedNotice, setQueuedNotice] = useState(false);
  const [queueVersion, setQueueVersion] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const language = i18n.language;

  const flush = useCallback(async () => {
    const { sendQueued, db } = await outbox();
    const { sent, refused } = await sendQueued(db, language);
    setQueueVersion((v) => v + 1);
    const last = sent.at(-1);
    if (last) {
      setQueuedNotice(false);
      setResult(last);
    }
    if (refused > 0) {
      setQueuedNotice(false);
      setResult(null);
      await reload();
    }
  }, [language, reload]);

  // Whatever waited in the queue goes as soon as the page opens online, and whenever the connection returns.
  useEffect(() => {
    void Promise.all([loadWhat(), loadWhere(), loadContact()]).catch(() => undefined);
    if (navigator.onLine) void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);

  if (!draft) {
    return (
      <div className="stack">
        <PageHeader title={t('report.title')} />
        <Skeleton lines={4} title />
      </div>
    );
  }

  const items = categories.data?.items ?? [];
  const category = items.find((c) => c.code === draft.categoryCode) ?? null;
  const stepIndex = Math.min(draft.step, STEPS.length - 1);
  const step: Step = STEPS[stepIndex] ?? 'category';
  const errorItems = Object.entries(errors).map(([fieldId, key]) => ({ fieldId, message: t(key) }));

  function goTo(index: number) {
    setErrors({});
    update({ step: index });
    // The new step's heading takes focus, so a screen reader hears where the person is.
    window.setTimeout(() => headingRef.current?.focus(), 0);
  }

  function next(e: FormEvent) {
    e.preventDefault();
    const found = validateStep(step, draft!, category);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (stepIndex < STEPS.length - 1) goTo(stepIndex + 1);
    else void submit();
  }

  async function submit() {
    const invalid = firstInvalidStep(draft!, category);
    if (invalid) {
      goTo(STEPS.indexOf(invalid));
      setErrors(validateStep(invalid, draft!, category));
      return;
    }
    setBusy(true);
    await settle();
    const { sendDraft, db } = await outbox();
    const outcome = await sendDraft(db, draft!, language);
    setBusy(false);
    setQueueVersion((v) => v + 1);
    if (outcome.status === 'sent') {
      setResult(outcome.result);
      startNew();
    } else if (outcome.status === 'queued') {
      setQueuedNotice(true);
      startNew();
    } else {
      update({ status: 'refused', refusal: outcome.message });
    }
  }

  const stepName = t(`report.steps.${step}`);
  return (
    <div className="stack case-report">
      <PageHeader title={t('report.title')} description={result ? undefined : t('report.lead')} />
      {queuedNotice && (
        <Alert tone="warning" live>
          {t('report.offline')}
        </Alert>
      )}
      <QueuedReports version={queueVersion} onSend={() => void flush()} />
      {result ? (
        <ReportDone result={result} onAnother={() => setResult(null)} />
      ) : (
        <form className="stack" onSubmit={next} noValidate aria-labelledby="case-step-title">
          {restored && (stepIndex > 0 || draft.description !== '') && (
            <Alert tone="info">{t('report.restored')}</Alert>
          )}
          {draft.status === 'refused' && draft.refusal && (
            <Alert tone="error">{t('report.refused', { message: draft.refusal })}</Alert>
          )}
          <h2 id="case-step-title" ref={headingRef} tabIndex={-1} className="case-step-title">
            {t('report.stepOf', { step: stepIndex + 1, total: STEPS.length, name: stepName })}
          </h2>
          <ol className="case-progress" aria-hidden="true">
            {STEPS.map((s, i) => (
              <li
                key={s}
                className={
                  i <= stepIndex ? 'case-progress__step case-progress__step--done' : 'case-progress__step'
                }
              />
            ))}
          </ol>
          <FormErrorSummary errors={errorItems} />
          {step === 'category' && (
            <CategoryStep
              draft={draft}
              categories={items}
              loading={categories.isPending && items.length === 0}
              failed={categories.isError && items.length === 0}
              onRetry={() => void categories.refetch()}
              error={errors['report-category'] ? t(errors['report-category']) : undefined}
              update={update}
            />
          )}
          <Suspense fallback={<Skeleton lines={4} />}>
            {step === 'what' && (
              <WhatStep
                draft={draft}
                category={category}
                photos={photos}
                errors={errors}
                update={update}
                addPhotos={addPhotos}
                removePhoto={removePhoto}
              />
            )}
            {step === 'where' && (
              <WhereStep
                draft={draft}
                photos={photos}
                provinceCode={categories.data?.provinceCode ?? null}
                tileUrl={categories.data?.tileUrl ?? null}
                errors={errors}
                update={update}
              />
            )}
            {step === 'contact' && <ContactStep draft={draft} errors={errors} update={update} />}
          </Suspense>
          <div className="case-nav">
            {stepIndex > 0 && (
              <Button variant="secondary" onClick={() => goTo(stepIndex - 1)}>
                {t('report.back')}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {stepIndex < STEPS.length - 1 ? t('report.next') : t('report.submit')}
            </Button>
          </div>
          {(stepIndex > 0 || draft.description) && (
            <Button variant="ghost" onClick={reset}>
              {t('report.startOver')}
            </Button>
          )}
        </form>
      )}
      <MyReports version={queueVersion} />
    </div>
  );
}

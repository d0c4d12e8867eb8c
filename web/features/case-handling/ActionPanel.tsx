import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseActionBody, HandlerCase } from '../../../shared/contracts/case-handling';
import { MAX_CASE_PHOTOS } from '../../../shared/contracts/cases';
import { ApiError } from '../../app/api';
import { Alert, Button, Card, Dialog } from '../../ui';
import {
  acceptBody,
  answerBody,
  assignBody,
  mergeBody,
  refuseBody,
  simpleBody,
  type FormResult,
} from './action-forms';
import { ActionFields, initialDraft, type ActionDraft, type ActionKind } from './ActionFields';
import { CASES_KEY, useAnswerPhotos, useCaseAction } from './queries';

/** The workflow steps the screen can carry out (reopen is the resident's, through a dispute). */
const OFFERED: readonly ActionKind[] = [
  'accept',
  'refuse',
  'assign',
  'reassign',
  'start',
  'answer',
  'close',
  'merge',
];

function bodyFor(action: ActionKind, c: HandlerCase, d: ActionDraft): FormResult<CaseActionBody> {
  switch (action) {
    case 'accept':
      return acceptBody({
        severity: d.severity,
        categoryCode: d.categoryCode,
        currentCategory: c.categoryCode,
        assign: d.assign,
        agencyId: d.agencyId,
        suggestedAgencyId: c.suggestedAgencyId,
        message: d.text,
      });
    case 'refuse':
      return refuseBody({ reason: d.text, notCompetent: d.notCompetent });
    case 'assign':
    case 'reassign':
      return assignBody({
        reassign: action === 'reassign',
        agencyId: d.agencyId,
        suggestedAgencyId: c.suggestedAgencyId,
        reason: d.text,
      });
    case 'answer':
      return answerBody({ text: d.text });
    case 'merge':
      return mergeBody({ code: d.code });
    case 'start':
    case 'close':
      return simpleBody(action, d.text);
  }
}

/**
 * The next steps of a case: only those in `caseActions` (the server's state machine ∩ the caller's rights), each
 * in a dialog that sends one POST /actions. A stale screen (someone else acted first) gets 409: the case is
 * reloaded and the handler told to look again.
 */
export function ActionPanel({ caseView }: { caseView: HandlerCase }) {
  const { t, i18n } = useTranslation('case-handling');
  const queryClient = useQueryClient();
  const mutation = useCaseAction(caseView.id);
  const photos = useAnswerPhotos(caseView.id);
  const [open, setOpen] = useState<ActionKind | null>(null);
  const [draft, setDraft] = useState<ActionDraft>(() => initialDraft(caseView));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const formId = useId();
  const offered = OFFERED.filter((a) => caseView.caseActions.includes(a));

  const start = (action: ActionKind) => {
    setDraft(initialDraft(caseView));
    setErrors({});
    setFailure(null);
    setDone(null);
    setOpen(action);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!open) return;
    const result = bodyFor(open, caseView, draft);
    if (open === 'answer' && draft.photos.length > MAX_CASE_PHOTOS) {
      setErrors({ ...(result.ok ? {} : result.errors), photos: 'answer.tooManyPhotos' });
      return;
    }
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      await mutation.mutateAsync(result.body);
      setDone(t('actions.done', { action: t(`action.${open}`) }));
      setOpen(null);
      // The answer's photos go once the answer is stored (the server attaches them to the answered case); a
      // failure there leaves the answer in place and says so.
      if (open === 'answer' && draft.photos.length > 0) {
        try {
          await photos.mutateAsync(draft.photos);
        } catch (error) {
          const reason = error instanceof ApiError ? error.messageIn(i18n.language) : String(error);
          setFailure(t('answer.photosFailed', { reason }));
        }
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setOpen(null);
        setFailure(t('actions.conflict'));
        void queryClient.invalidateQueries({ queryKey: [CASES_KEY, 'case', caseView.id] });
        return;
      }
      setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    }
  }

  const title = (action: ActionKind) =>
    ({
      accept: t('accept.title'),
      refuse: t('refuse.title'),
      assign: t('assign.title'),
      reassign: t('assign.reassignTitle'),
      start: t('actions.startTitle'),
      answer: t('answer.title'),
      close: t('actions.closeTitle'),
      merge: t('merge.title'),
    })[action];

  return (
    <Card title={t('actions.title')} aria-label={t('actions.title')}>
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {failure && !open && <Alert tone="error">{failure}</Alert>}
      {offered.length === 0 ? (
        <p className="muted">{t('actions.none')}</p>
      ) : (
        <div className="case-actions">
          {offered.map((action) => (
            <Button
              key={action}
              variant={action === 'refuse' || action === 'merge' ? 'secondary' : 'primary'}
              onClick={() => start(action)}
            >
              {t(`action.${action}`)}
            </Button>
          ))}
        </div>
      )}
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? title(open) : ''}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form={formId} loading={mutation.isPending || photos.isPending}>
              {open ? t(`action.${open}`) : ''}
            </Button>
          </>
        }
      >
        {open && (
          <form id={formId} onSubmit={submit} noValidate className="stack">
            <ActionFields
              action={open}
              caseView={caseView}
              draft={draft}
              errors={errors}
              onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            />
            {failure && <Alert tone="error">{failure}</Alert>}
          </form>
        )}
      </Dialog>
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequestActionBody } from '../../../shared/contracts/help-requests';
import { ApiError } from '../../app/api';
import { Alert, Button, Select, TextArea, TextField } from '../../ui';
import { useHelpRequestAction, useTeamMembers, type HelpRequestDetail } from './queries';

type Step = 'assign' | 'schedule' | 'not_reached' | 'cancel';
const STEPS: readonly Step[] = ['assign', 'schedule', 'not_reached', 'cancel'];
const LABEL: Record<Step, string> = {
  assign: 'actions.assign',
  schedule: 'actions.schedule',
  not_reached: 'actions.notReached',
  cancel: 'actions.cancel',
};

/** `<input type="datetime-local">` (device time) → an ISO instant; null when empty or unreadable. */
export function localToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** One step's small form, shown under its button; the server checks the step again and answers the new request. */
function StepForm({ item, step, onDone }: { item: HelpRequestDetail; step: Step; onDone: () => void }) {
  const { t, i18n } = useTranslation('help-request-handling');
  const act = useHelpRequestAction(item.id);
  const members = useTeamMembers(item.teamId, step === 'assign');
  const [memberId, setMemberId] = useState(item.assignedMemberId ?? '');
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  /** The step's body, or the message of what is missing. */
  function body(): HelpRequestActionBody | string {
    const n = note.trim() || null;
    if (step === 'assign') {
      return memberId ? { action: 'assign', memberId, note: n } : t('actions.errors.member');
    }
    if (step === 'schedule') {
      const scheduledFor = localToIso(when);
      return scheduledFor ? { action: 'schedule', scheduledFor, note: n } : t('actions.errors.scheduledFor');
    }
    if (step === 'cancel') {
      return reason.trim().length >= 3
        ? { action: 'cancel', reason: reason.trim() }
        : t('actions.errors.reason');
    }
    return { action: 'not_reached', note: n };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const b = body();
    if (typeof b === 'string') return setError(b);
    setError(null);
    act.mutate(b, { onSuccess: onDone });
  }

  const failure =
    act.error instanceof ApiError ? act.error.messageIn(i18n.language) : act.error ? String(act.error) : null;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t(LABEL[step])}>
      {step === 'assign' && (
        <Select
          id="help-action-member"
          label={t('actions.member')}
          placeholder={t('actions.memberChoose')}
          options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={memberId}
          error={error}
          hint={members.isError ? t('actions.membersFailed') : undefined}
          onChange={(e) => setMemberId(e.target.value)}
        />
      )}
      {step === 'schedule' && (
        <TextField
          id="help-action-when"
          type="datetime-local"
          label={t('actions.scheduledFor')}
          value={when}
          error={error}
          onChange={(e) => setWhen(e.target.value)}
        />
      )}
      {step === 'cancel' ? (
        <TextArea
          id="help-action-reason"
          label={t('actions.reason')}
          maxLength={500}
          value={reason}
          error={error}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : (
        <TextArea
          label={t('actions.note')}
          optional
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      )}
      {failure && <Alert tone="error">{t('actions.failed', { message: failure })}</Alert>}
      <Button type="submit" loading={act.isPending}>
        {t('actions.save')}
      </Button>
    </form>
  );
}

/** The steps the server offers this caller on this request, each opening its own form. */
export function ActionPanel({ item }: { item: HelpRequestDetail }) {
  const { t } = useTranslation('help-request-handling');
  const [open, setOpen] = useState<Step | null>(null);
  const [saved, setSaved] = useState(false);
  const offered = STEPS.filter((s) => item.actions.includes(s));
  return (
    <section className="stack" aria-labelledby="help-actions-title">
      <h2 id="help-actions-title">{t('actions.title')}</h2>
      {saved && (
        <Alert tone="success" live>
          {t('actions.done')}
        </Alert>
      )}
      {offered.length === 0 ? (
        <p className="muted">{t('actions.none')}</p>
      ) : (
        <div className="cluster">
          {offered.map((step) => (
            <Button
              key={step}
              variant={open === step ? 'primary' : 'secondary'}
              aria-expanded={open === step}
              onClick={() => {
                setSaved(false);
                setOpen(open === step ? null : step);
              }}
            >
              {t(LABEL[step])}
            </Button>
          ))}
        </div>
      )}
      {open && (
        <StepForm
          key={open}
          item={item}
          step={open}
          onDone={() => {
            setOpen(null);
            setSaved(true);
          }}
        />
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { Breach, UpdateBreachBody } from '../../../../shared/contracts/privacy';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { Button, Card, FormErrorSummary, TextArea, TextField } from '../../../ui';
import {
  emptyNotifyDraft,
  findNotifyErrors,
  isLate,
  notifyBodyOf,
  type NotifyDraft,
  type NotifyErrors,
} from '../breach-form';
import { BREACHES_PATH } from '../queries';
import { useProblemText } from './BreachFields';
import { ServerError } from './ServerError';

const IDS: Record<keyof NotifyDraft, string> = {
  notifiedAt: 'notify-at',
  notifiedTo: 'notify-to',
  reference: 'notify-reference',
  lateReason: 'notify-late-reason',
};

/**
 * Records that the breach was notified: when (Vietnam time, now by default), to whom (the Ministry of Public
 * Security's cybersecurity department unless changed) and the dispatch number. A time after the 72-hour deadline
 * brings up the reason for the delay, which is then required, as the notification itself must give it.
 */
export function NotifyBreachCard({ breach, onSaved }: { breach: Breach; onSaved: (breach: Breach) => void }) {
  const { t, i18n } = useTranslation('privacy');
  const problemText = useProblemText();
  const [draft, setDraft] = useState<NotifyDraft>(() => emptyNotifyDraft(new Date()));
  const [errors, setErrors] = useState<NotifyErrors>({});
  const save = useMutation({
    mutationFn: (body: UpdateBreachBody) =>
      apiFetch<Breach>(`${BREACHES_PATH}/${encodeURIComponent(breach.id)}`, { method: 'PATCH', body }),
    onSuccess: onSaved,
  });
  const late = isLate(draft, breach);
  const server = save.isError ? fieldErrorsOf(save.error, i18n.language) : {};
  const shown = (field: keyof NotifyDraft) =>
    errors[field] ? problemText(errors[field]) : (server[`notification.${field}`] ?? undefined);
  const field = (name: keyof NotifyDraft) => ({
    id: IDS[name],
    value: draft[name],
    error: shown(name),
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });
  const summary = (Object.keys(IDS) as (keyof NotifyDraft)[])
    .filter((name) => errors[name])
    .map((name) => ({ fieldId: IDS[name], message: problemText(errors[name]!) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findNotifyErrors(draft, breach, Date.now());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(notifyBodyOf(draft, breach));
  };

  return (
    <Card title={t('notify.title')}>
      <form onSubmit={submit} noValidate className="stack breach-form">
        <p className="muted">{t('notify.intro')}</p>
        <FormErrorSummary errors={summary} />
        <TextField {...field('notifiedAt')} type="datetime-local" label={t('notify.notifiedAt')} />
        <TextArea {...field('notifiedTo')} label={t('breach.notifiedTo')} rows={2} maxLength={300} />
        <TextField
          {...field('reference')}
          label={t('breach.reference')}
          hint={t('notify.referenceHint')}
          optional
          maxLength={200}
          autoComplete="off"
        />
        {/* Announced when a late time brings the question up, so nobody misses a field that appeared. */}
        <div aria-live="polite">
          {(late || shown('lateReason')) && (
            <TextArea
              {...field('lateReason')}
              label={t('breach.lateReason')}
              hint={t('notify.lateReasonHint', { at: formatDateTime(breach.notifyBy) })}
              rows={3}
              maxLength={2000}
            />
          )}
        </div>
        {save.isError && <ServerError error={save.error} />}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('notify.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

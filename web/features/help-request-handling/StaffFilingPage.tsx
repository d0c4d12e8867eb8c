import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { Alert, Button, buttonClass, FormErrorSummary, PageHeader, RadioGroup } from '../../ui';
import { ConsentNotice } from '../help-requests/ConsentNotice';
import {
  FIELD_IDS,
  newHelpDraft,
  toHelpRequestBody,
  validateHelpDraft,
  type HelpDraft,
  type HelpErrors,
} from '../help-requests/help-draft';
import { HelpDone } from '../help-requests/HelpDone';
import { HelpFields } from '../help-requests/HelpRequestPage';
import { helpRequestPath } from './paths';
import { useFileHelpRequest, type CreateHelpRequestResult } from './queries';
import '../help-requests/help-requests.css';

type Channel = 'phone' | 'walk_in';

/** The staff body: the public form's body, with how the resident asked and the consent the staff member heard. */
export function toStaffBody(draft: HelpDraft, channel: Channel) {
  const { consent, consentVersion, ...fields } = toHelpRequestBody(draft);
  return { ...fields, consentVersion, channel, consentConfirmed: consent === true };
}

/**
 * /help-requests/new — "Ghi yêu cầu hỗ trợ qua điện thoại / trực tiếp": a commune officer or a team's leader or
 * member records what a resident asked on the phone or at the desk, with the public form's own fields and notice
 * (read aloud; the box says the resident agreed). The draft stays in memory only — a shared office computer keeps
 * no resident's phone — but keeps its id, so pressing again after a lost answer records one request. The done state
 * gives the code to read back.
 */
export function StaffFilingPage() {
  const { t, i18n } = useTranslation('help-request-handling');
  const { t: tf } = useTranslation('help-requests');
  const [draft, setDraft] = useState<HelpDraft>(() => newHelpDraft());
  const [channel, setChannel] = useState<Channel>('phone');
  const [errors, setErrors] = useState<HelpErrors>({});
  const [result, setResult] = useState<CreateHelpRequestResult | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const file = useFileHelpRequest();

  const update = (patch: Partial<HelpDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // The consent box means something else here: the staff member confirms what the resident said.
  const message = (field: keyof HelpErrors) =>
    field === 'consent' ? t('filing.consentError') : tf(errors[field]!);
  const errorOf = (field: keyof HelpErrors) => (errors[field] ? message(field) : undefined);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (file.isPending) return;
    const found = validateHelpDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    file.mutate(toStaffBody(draft, channel), {
      onSuccess: (created) => {
        setResult(created);
        window.setTimeout(() => doneRef.current?.querySelector('h2')?.focus(), 0);
      },
    });
  }

  function another() {
    setResult(null);
    setDraft(newHelpDraft());
    setErrors({});
    file.reset();
  }

  if (result) {
    return (
      <div className="stack help-request">
        <PageHeader title={t('filing.title')} />
        <div ref={doneRef} className="stack">
          <Alert tone="info">{t('filing.readCode')}</Alert>
          {/* The resident's private rating link is theirs alone: the staff screen never shows it. */}
          <HelpDone result={{ ...result, token: undefined }} onAnother={another} />
          <p>
            <Link to={helpRequestPath(result.id)} className={buttonClass('secondary')}>
              {t('filing.open')}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const summary = (Object.keys(errors) as (keyof HelpErrors)[]).map((field) => ({
    fieldId: FIELD_IDS[field],
    message: message(field),
  }));
  const failure = file.error instanceof ApiError ? file.error.messageIn(i18n.language) : file.error?.message;
  return (
    <div className="stack help-request">
      <PageHeader title={t('filing.title')} description={t('filing.lead')} />
      <form className="stack" onSubmit={submit} noValidate>
        <FormErrorSummary errors={summary} />
        <RadioGroup
          legend={t('filing.channel')}
          name="help-filing-channel"
          options={[
            { value: 'phone', label: t('filing.channelPhone') },
            { value: 'walk_in', label: t('filing.channelWalkIn') },
          ]}
          value={channel}
          onChange={(value) => setChannel(value as Channel)}
        />
        {/* The public form's own fields (never prerendered here, so the place picker may load at once). */}
        <HelpFields draft={draft} errors={errors} hydrated update={update} />
        <Alert tone="info">{t('filing.readAloud')}</Alert>
        <ConsentNotice
          checked={draft.consent}
          error={errorOf('consent')}
          label={t('filing.consent')}
          onChange={(consent) => update({ consent })}
        />
        {failure && (
          <Alert tone="error" live>
            {t('filing.failed', { message: failure })}
          </Alert>
        )}
        <Button type="submit" loading={file.isPending}>
          {t('filing.submit')}
        </Button>
      </form>
    </div>
  );
}

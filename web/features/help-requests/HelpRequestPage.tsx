import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert, Button, FormErrorSummary, PageHeader, Skeleton, TextField } from '../../ui';
import { ConsentNotice } from './ConsentNotice';
import {
  createHelpRequest,
  fetchActiveServices,
  fetchProvinceCode,
  type CreateHelpRequestResult,
} from './help-api';
import {
  clearHelpDraft,
  FIELD_IDS,
  hasContent,
  loadHelpDraft,
  newHelpDraft,
  saveHelpDraft,
  toHelpRequestBody,
  validateHelpDraft,
  type HelpDraft,
  type HelpErrors,
} from './help-draft';
import { HelpDone } from './HelpDone';
import { NeedField } from './NeedField';
import './help-requests.css';

const CONSENT_NOTE_ID = 'help-consent-note';
// The place picker loads right after the first paint (see PlaceField).
const loadPlace = () => import('./PlaceField');
const PlaceField = lazy(async () => ({ default: (await loadPlace()).PlaceField }));

/**
 * The province the platform serves, so the picker opens at its communes (no extra tap): the public case categories
 * answer it, as they do for the report form's picker.
 */
function useProvinceCode(): string | null {
  const query = useQuery({
    queryKey: ['help-requests', 'province'],
    queryFn: ({ signal }) => fetchProvinceCode(signal),
    staleTime: Infinity,
  });
  return query.data ?? null;
}

/**
 * The request's fields — the need, the place (the picker loads after the first paint) and how to reach the person —
 * shared by this form and the staff's page for a resident who called or came in
 * (web/features/help-request-handling/StaffFilingPage.tsx), which imports them from here so both stay one chunk.
 */
export function HelpFields({
  draft,
  errors,
  hydrated,
  update,
}: {
  draft: HelpDraft;
  errors: HelpErrors;
  /** False in the prerendered page, where the lazy place picker cannot render. */
  hydrated: boolean;
  update: (patch: Partial<HelpDraft>) => void;
}) {
  const { t } = useTranslation('help-requests');
  const services = useQuery({
    queryKey: ['help-requests', 'services'],
    queryFn: ({ signal }) => fetchActiveServices(signal),
    staleTime: 10 * 60_000,
  });
  const provinceCode = useProvinceCode();
  const errorOf = (field: keyof HelpErrors) => (errors[field] ? t(errors[field]!) : undefined);
  return (
    <>
      <NeedField
        draft={draft}
        services={services.data?.items ?? []}
        servicesFailed={services.isError}
        errors={{ need: errors.need, needText: errors.needText }}
        update={update}
      />
      {/* Not in the prerendered page (a lazy part cannot render there): its skeleton until hydrated. */}
      {hydrated ? (
        <Suspense fallback={<Skeleton lines={3} />}>
          <PlaceField draft={draft} provinceCode={provinceCode} error={errorOf('place')} update={update} />
        </Suspense>
      ) : (
        <Skeleton lines={3} />
      )}
      <TextField
        label={t('form.address')}
        hint={t('form.addressHint')}
        optional
        maxLength={300}
        autoComplete="street-address"
        value={draft.address}
        onChange={(e) => update({ address: e.target.value })}
      />
      <TextField
        label={t('form.preferredTime')}
        hint={t('form.preferredTimeHint')}
        optional
        maxLength={200}
        value={draft.preferredTime}
        onChange={(e) => update({ preferredTime: e.target.value })}
      />
      <TextField
        id={FIELD_IDS.phone}
        label={t('form.phone')}
        hint={t('form.phoneHint')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        value={draft.phone}
        error={errorOf('phone')}
        onChange={(e) => update({ phone: e.target.value })}
      />
      <TextField
        label={t('form.contactName')}
        hint={t('form.contactNameHint')}
        optional
        autoComplete="name"
        maxLength={100}
        value={draft.contactName}
        onChange={(e) => update({ contactName: e.target.value })}
      />
    </>
  );
}

/**
 * /help — "Nhờ tổ hỗ trợ": one short form (need, place, how to reach you, consent). The draft is kept in
 * localStorage as it is typed, with the id the request will carry, so a reload or a lost connection loses nothing
 * and a resend after a lost answer stores one request (the server answers "duplicate" with the same code).
 */
export function HelpRequestPage() {
  const { t, i18n } = useTranslation('help-requests');
  // The prerendered page (no storage in the build) and the first browser render agree on an empty form; the saved
  // draft is read once the page is hydrated.
  const [draft, setDraft] = useState<HelpDraft>(() => newHelpDraft());
  const [restored, setRestored] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [errors, setErrors] = useState<HelpErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<'offline' | string | null>(null);
  const [result, setResult] = useState<CreateHelpRequestResult | null>(null);
  const latest = useRef(draft);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadPlace().catch(() => undefined);
    setHydrated(true);
    const stored = loadHelpDraft();
    if (stored) {
      latest.current = stored;
      setDraft(stored);
      setRestored(hasContent(stored));
    }
  }, []);

  const update = useCallback((patch: Partial<HelpDraft>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    saveHelpDraft(next);
  }, []);

  const send = useCallback(async () => {
    const current = latest.current;
    setBusy(true);
    setFailure(null);
    try {
      const created = await createHelpRequest(toHelpRequestBody(current));
      clearHelpDraft();
      setResult(created);
      window.setTimeout(() => doneRef.current?.querySelector('h2')?.focus(), 0);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') setFailure('offline');
      else setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    } finally {
      setBusy(false);
    }
  }, [i18n.language]);

  // A send that failed for want of a connection goes again by itself when the connection returns.
  useEffect(() => {
    if (failure !== 'offline') return;
    const online = () => void send();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [failure, send]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = validateHelpDraft(latest.current);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void send();
  }

  function startOver() {
    clearHelpDraft();
    const fresh = newHelpDraft();
    latest.current = fresh;
    setDraft(fresh);
    setErrors({});
    setFailure(null);
    setRestored(false);
  }

  const errorOf = (field: keyof HelpErrors) => (errors[field] ? t(errors[field]!) : undefined);
  const summary = (Object.keys(errors) as (keyof HelpErrors)[]).map((field) => ({
    fieldId: FIELD_IDS[field],
    message: t(errors[field]!),
  }));

  return (
    <div className="stack help-request">
      <PageHeader title={t('form.title')} description={result ? undefined : t('form.lead')} />
      {result ? (
        <div ref={doneRef}>
          <HelpDone
            result={result}
            onAnother={() => {
              setResult(null);
              startOver();
            }}
          />
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          {restored && <Alert tone="info">{t('form.restored')}</Alert>}
          <FormErrorSummary errors={summary} />
          <HelpFields draft={draft} errors={errors} hydrated={hydrated} update={update} />
          <ConsentNotice
            checked={draft.consent}
            error={errorOf('consent')}
            onChange={(consent) => update({ consent })}
          />
          {failure === 'offline' && (
            <Alert tone="warning" live>
              {t('form.offline')}
            </Alert>
          )}
          {failure && failure !== 'offline' && (
            <Alert tone="error" live>
              {t('form.failed', { message: failure })}
            </Alert>
          )}
          {!draft.consent && (
            <p id={CONSENT_NOTE_ID} className="field__hint">
              {t('form.consentNeeded')}
            </p>
          )}
          <Button type="submit" loading={busy} aria-describedby={draft.consent ? undefined : CONSENT_NOTE_ID}>
            {t('form.submit')}
          </Button>
          {hasContent(draft) && (
            <Button variant="ghost" onClick={startOver}>
              {t('form.startOver')}
            </Button>
          )}
        </form>
      )}
    </div>
  );
}

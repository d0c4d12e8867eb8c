import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, PageHeader, Skeleton } from '../../ui';
import { getOfflineDatabase, type OutboxEntry } from '../../offline/offline-db';
import { addToOutbox, replaceInOutbox } from '../../offline/outbox';
import { getSyncLoop } from '../../offline/outbox-sync';
import type { SupportRecordBody } from '../../offline/support-record-types';
import { useBackgroundSync, useLiveQuery, useSyncStatus } from '../../offline/use-outbox';
import {
  chooseDefaults,
  draftFromRecord,
  prefillDraft,
  rememberChoices,
  type CaptureChoices,
} from './capture-form';
import { saveChoices, useCaptureContext, type CaptureContext } from './capture-context';
import { CaptureForm } from './CaptureForm';
import { OutboxStatus } from './OutboxStatus';
import type { CaptureSession } from './capture-session';
import { CAPTURE_PATH, CAPTURE_SIGN_IN_PATH, OUTBOX_PATH, type CapturePrefill } from './paths';
import { ServerErrors } from './ServerErrors';
import './support.css';

/** The refused record being fixed (`#edit=<id>`): undefined while it is read, null when there is none. */
function useEditedEntry(id: string | null, userId: string | null): OutboxEntry | null | undefined {
  return useLiveQuery<OutboxEntry | null | undefined>(
    async () => {
      if (!id || !userId) return null;
      const entry = await getOfflineDatabase().outbox.get(id);
      return entry && entry.userId === userId && entry.state === 'refused' ? entry : null;
    },
    [id, userId],
    id ? undefined : null,
  );
}

/**
 * The capture view: the device outbox's status and the form. `editId` names a refused record to fix; once it is
 * saved again, `onEditSaved` leads back to the outbox.
 */
export function CapturePage({
  session,
  editId = null,
  prefill = null,
  onEditSaved,
}: {
  session: CaptureSession;
  editId?: string | null;
  /** Opened from a help request: the record completes it (`#help=<id>…`). */
  prefill?: CapturePrefill | null;
  onEditSaved: () => void;
}) {
  const { t } = useTranslation('support');
  const { me, status } = session;
  const context = useCaptureContext(me, status);
  const signedOut = status === 'signedOut';
  const profileId = context.profile?.userId ?? me?.user.id ?? null;
  useBackgroundSync(signedOut ? null : profileId, me);
  const edited = useEditedEntry(editId, profileId);

  return (
    <div className="stack">
      <PageHeader title={t('capture.title')} description={t('capture.privacy')} />
      <OutboxStatus userId={profileId} signedOut={signedOut} />
      {context.state === 'loading' || edited === undefined ? (
        <Skeleton lines={6} />
      ) : context.state === 'none' ? (
        <ContextProblem reason={context.reason} />
      ) : (
        <ReadyForm context={context} edited={edited} prefill={prefill} onEditSaved={onEditSaved} />
      )}
    </div>
  );
}

function ContextProblem({ reason }: { reason: CaptureContext['reason'] }) {
  const { t } = useTranslation('support');
  if (reason === 'signedOut') {
    return (
      <Alert tone="info">
        {t('capture.signedOut')} <a href={CAPTURE_SIGN_IN_PATH}>{t('capture.signIn')}</a>
      </Alert>
    );
  }
  return (
    <Alert tone="warning">{reason === 'noTeams' ? t('capture.noTeams') : t('capture.needsFirstVisit')}</Alert>
  );
}

function ReadyForm({
  context,
  edited,
  prefill,
  onEditSaved,
}: {
  context: CaptureContext;
  edited: OutboxEntry | null;
  prefill: CapturePrefill | null;
  onEditSaved: () => void;
}) {
  const { t } = useTranslation('support');
  const { online } = useSyncStatus();
  const [linked, setLinked] = useState(prefill !== null);
  const userId = context.profile!.userId;
  const [choices, setChoices] = useState<CaptureChoices>(context.choices);
  const serviceCodes = useMemo(() => context.services.map((s) => s.code), [context.services]);
  const initialDraft = useMemo(
    () => {
      if (edited) return draftFromRecord(edited.record);
      const defaults = chooseDefaults(context.teams, choices, serviceCodes);
      return prefill ? prefillDraft(defaults, context.teams, prefill, serviceCodes) : defaults;
    },
    [edited?.id], // The first draft only: later ones come from onSaved.
  );

  async function save(record: SupportRecordBody) {
    const db = getOfflineDatabase();
    if (edited) await replaceInOutbox(db, userId, edited.id, record);
    else await addToOutbox(db, userId, record);
    const next = rememberChoices(choices, record);
    setChoices(next);
    await saveChoices(userId, next);
    void getSyncLoop().syncNow();
  }

  return (
    <>
      {/* Offline, the outbox status above already says so: one notice, not two that read alike. This one is for
          the server being unreachable while the phone has a connection. */}
      {context.fromDevice && online && <Alert tone="info">{t('capture.usingSaved')}</Alert>}
      {linked && !edited && <Alert tone="info">{t('capture.fromHelpRequest')}</Alert>}
      {edited && (
        <Alert tone="warning" title={t('capture.editing')}>
          <ServerErrors entry={edited} />
          <a href={OUTBOX_PATH}>{t('capture.cancelEdit')}</a>
        </Alert>
      )}
      <CaptureForm
        key={edited?.id ?? 'new'}
        teams={context.teams}
        services={context.services}
        choices={choices}
        initialDraft={initialDraft}
        onSave={save}
        onSaved={(record) => {
          if (edited) onEditSaved();
          if (linked) {
            // The request has its record: the next one is an ordinary record, and a reload must not link another.
            setLinked(false);
            window.history.replaceState(null, '', CAPTURE_PATH);
          }
          return chooseDefaults(context.teams, rememberChoices(choices, record), serviceCodes);
        }}
      />
    </>
  );
}

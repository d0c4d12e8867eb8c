import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  FormErrorSummary,
  Select,
  TextArea,
  TextField,
  Toggle,
  type FormErrorItem,
} from '../../ui';
import type { SupportRecordBody } from '../../offline/support-record-types';
import {
  AGE_BANDS,
  buildSupportRecord,
  DURATION_MAX,
  findDraftProblems,
  GENDERS,
  NOTE_MAX,
  OUTCOMES,
  defaultHamletFor,
  personalDataInNote,
  toLocalDateTimeValue,
  withNote,
  type CaptureChoices,
  type CaptureDraft,
  type CheckedDraft,
  type DraftProblem,
  type TeamPlace,
} from './capture-form';
import type { ServiceOption } from './capture-context';
import { ChoiceTiles } from './ChoiceTiles';
import { LocationField } from './LocationField';

const FIELD_IDS: Record<DraftProblem, string> = {
  team: 'capture-team',
  hamlet: 'capture-hamlet',
  occurredAt: 'capture-when',
  services: 'capture-services',
  ageBand: 'capture-age',
  gender: 'capture-gender',
  durationMinutes: 'capture-duration',
  note: 'capture-note',
  // The summary link of an unconfirmed note lands on the box to tick, right under the warning.
  notePersonalData: 'capture-note-confirm',
};
const NOTE_WARNING_ID = 'capture-note-warning';

/**
 * The capture form. It only builds a record and hands it to `onSave` (which writes the device outbox); it never
 * waits for the network, so it works the same with or without signal.
 */
export function CaptureForm({
  teams,
  services,
  choices,
  initialDraft,
  onSave,
  onSaved,
}: {
  teams: readonly TeamPlace[];
  services: readonly ServiceOption[];
  choices: CaptureChoices;
  initialDraft: CaptureDraft;
  onSave: (record: SupportRecordBody) => Promise<void>;
  /** Called after a successful save; returns the draft to start the next record from. */
  onSaved: (record: SupportRecordBody) => CaptureDraft;
}) {
  const { t, i18n } = useTranslation('support');
  const [draft, setDraft] = useState<CaptureDraft>(initialDraft);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [editingTime, setEditingTime] = useState(initialDraft.occurredAtLocal !== '');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<'saved' | 'failed' | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const english = i18n.language.startsWith('en');

  const team = teams.find((x) => x.teamId === draft.teamId) ?? null;
  const update = (patch: Partial<CaptureDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setResult(null);
  };
  const errorOf = (problem: DraftProblem) =>
    problems.includes(problem) ? t(`capture.errors.${problem}`) : null;
  const noteData = personalDataInNote(draft);
  const noteConfirmed =
    noteData.length > 0 && noteData.every((kind) => draft.noteKindsConfirmed.includes(kind));
  // The warning joins the hint (and the error) the note is described by, so a screen reader reads it on the field.
  const noteDescribedBy = [
    `${FIELD_IDS.note}-hint`,
    errorOf('note') ? `${FIELD_IDS.note}-error` : null,
    noteData.length > 0 ? NOTE_WARNING_ID : null,
  ]
    .filter(Boolean)
    .join(' ');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const now = new Date();
    const found = findDraftProblems(draft, now);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      const record = buildSupportRecord(draft as CheckedDraft, now);
      await onSave(record);
      setDraft(onSaved(record));
      setEditingTime(false);
      setResult('saved');
    } catch (err) {
      console.error('saving a support record failed', err);
      setResult('failed');
    } finally {
      setSaving(false);
    }
    window.scrollTo({ top: 0 });
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  const summary: FormErrorItem[] = problems.map((p) => ({
    fieldId: FIELD_IDS[p],
    message: t(`capture.errors.${p}`),
  }));

  return (
    <form className="capture-form" noValidate onSubmit={(e) => void submit(e)}>
      {result === 'saved' && (
        <Alert tone="success" ref={resultRef}>
          {t('capture.saved')}
        </Alert>
      )}
      {result === 'failed' && (
        <Alert tone="error" ref={resultRef}>
          {t('capture.saveFailed')}
        </Alert>
      )}
      <FormErrorSummary errors={summary} />

      {teams.length > 1 ? (
        <Select
          id={FIELD_IDS.team}
          label={t('capture.team')}
          value={draft.teamId}
          error={errorOf('team')}
          options={teams.map((x) => ({ value: x.teamId, label: x.teamName }))}
          onChange={(e) => {
            const next = teams.find((x) => x.teamId === e.target.value);
            update({ teamId: e.target.value, hamletId: next ? defaultHamletFor(next, choices) : '' });
          }}
        />
      ) : (
        <p>
          <span className="muted">{t('capture.team')}: </span>
          <strong>{team?.teamName}</strong>
        </p>
      )}

      <Select
        id={FIELD_IDS.hamlet}
        label={t('capture.hamlet')}
        value={draft.hamletId}
        error={errorOf('hamlet')}
        placeholder={draft.hamletId ? undefined : '—'}
        options={(team?.hamlets ?? []).map((h) => ({ value: h.id, label: h.name }))}
        onChange={(e) => update({ hamletId: e.target.value })}
      />

      <div className="capture-section">
        {editingTime ? (
          <TextField
            id={FIELD_IDS.occurredAt}
            type="datetime-local"
            label={t('capture.whenInput')}
            value={draft.occurredAtLocal}
            max={toLocalDateTimeValue(new Date(Date.now() + 10 * 60_000))}
            error={errorOf('occurredAt')}
            onChange={(e) => update({ occurredAtLocal: e.target.value })}
          />
        ) : (
          <p className="capture-when">
            {t('capture.when')}: <span className="capture-when__value">{t('capture.now')}</span>
          </p>
        )}
        <Button
          variant="ghost"
          onClick={() => {
            const next = !editingTime;
            setEditingTime(next);
            update({ occurredAtLocal: next ? toLocalDateTimeValue(new Date()) : '' });
          }}
        >
          {editingTime ? t('capture.useNow') : t('capture.changeTime')}
        </Button>
      </div>

      <ChoiceTiles
        id={FIELD_IDS.services}
        legend={t('capture.services')}
        hint={t('capture.servicesHint')}
        error={errorOf('services')}
        multiple
        wide
        options={services.map((s) => ({ value: s.code, label: english ? s.nameEn : s.name }))}
        selected={draft.services}
        onChange={(next) => update({ services: next })}
      />

      <ChoiceTiles
        id="capture-outcome"
        legend={t('capture.outcome')}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`capture.outcomes.${o}`) }))}
        selected={[draft.outcome]}
        onChange={([next]) => next && update({ outcome: next as CaptureDraft['outcome'] })}
      />

      <ChoiceTiles
        id={FIELD_IDS.ageBand}
        legend={t('capture.ageBand')}
        error={errorOf('ageBand')}
        options={AGE_BANDS.map((a) => ({ value: a, label: t(`capture.ageBands.${a}`) }))}
        selected={draft.ageBand ? [draft.ageBand] : []}
        onChange={([next]) => next && update({ ageBand: next as CaptureDraft['ageBand'] })}
      />

      <ChoiceTiles
        id={FIELD_IDS.gender}
        legend={t('capture.gender')}
        error={errorOf('gender')}
        options={GENDERS.map((g) => ({ value: g, label: t(`capture.genders.${g}`) }))}
        selected={draft.gender ? [draft.gender] : []}
        onChange={([next]) => next && update({ gender: next as CaptureDraft['gender'] })}
      />

      <div className="capture-section">
        <Toggle
          label={t('capture.consent')}
          hint={t('capture.consentText')}
          checked={draft.consent}
          onChange={(e) => update({ consent: e.target.checked })}
        />
      </div>

      <details
        className="capture-details"
        open={
          problems.includes('durationMinutes') ||
          problems.includes('note') ||
          problems.includes('notePersonalData') ||
          undefined
        }
      >
        <summary>{t('capture.more')}</summary>
        <div>
          <TextField
            id={FIELD_IDS.durationMinutes}
            label={t('capture.duration')}
            inputMode="numeric"
            type="number"
            min={1}
            max={DURATION_MAX}
            step={1}
            optional
            value={draft.durationMinutes}
            error={errorOf('durationMinutes')}
            onChange={(e) => update({ durationMinutes: e.target.value })}
          />
          <TextArea
            id={FIELD_IDS.note}
            label={t('capture.note')}
            hint={t('capture.noteHint')}
            optional
            maxLength={NOTE_MAX}
            value={draft.note}
            error={errorOf('note')}
            aria-describedby={noteDescribedBy}
            onChange={(e) => update(withNote(draft, e.target.value))}
          />
          {noteData.length > 0 && (
            <div className="stack capture-section">
              <Alert
                tone="warning"
                id={NOTE_WARNING_ID}
                live
                title={t('capture.personalData.title', {
                  kinds: noteData.map((kind) => t(`capture.personalData.kinds.${kind}`)).join(', '),
                })}
              >
                <p>{t('capture.personalData.body')}</p>
              </Alert>
              <Checkbox
                id={FIELD_IDS.notePersonalData}
                label={t('capture.personalData.confirm')}
                checked={noteConfirmed}
                error={errorOf('notePersonalData')}
                onChange={(e) => update({ noteKindsConfirmed: e.target.checked ? noteData : [] })}
              />
            </div>
          )}
          <LocationField value={draft.location} onChange={(location) => update({ location })} />
        </div>
      </details>

      <Button type="submit" block loading={saving} className="capture-save">
        {t('capture.save')}
      </Button>
    </form>
  );
}

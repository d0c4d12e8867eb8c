import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import {
  CALENDAR_DAY_KINDS,
  type CalendarDay,
  type CalendarDayBody,
  type CalendarDayKind,
} from '../../../../shared/contracts/calendar';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { Alert, Button, Card, FormErrorSummary, RadioGroup, TextField } from '../../../ui';
import { dayBodyOf, EMPTY_DAY, findDayErrors, type DayDraft, type DayErrors } from '../calendar-form';
import { useErrorText } from '../queries';

/** The control each field's error links to (the kind's is its first radio). */
const FIELD_IDS: Record<keyof DayDraft, string> = {
  day: 'calendar-day-date',
  kind: 'calendar-day-kind',
  nameVi: 'calendar-day-name-vi',
  nameEn: 'calendar-day-name-en',
};

/** Adds the province's own entry for a date, or replaces the one it has: a day off, a make-up day or a cancellation. */
export function AddDayCard({
  provinceCode,
  onSaved,
}: {
  provinceCode: string;
  onSaved: (day: CalendarDay) => void;
}) {
  const { t, i18n } = useTranslation('calendar');
  const errorText = useErrorText();
  const [draft, setDraft] = useState<DayDraft>(EMPTY_DAY);
  const [errors, setErrors] = useState<DayErrors>({});
  const save = useMutation({
    mutationFn: ({ day, body }: { day: string; body: CalendarDayBody }) =>
      apiFetch<CalendarDay>(
        `/api/v1/calendars/${encodeURIComponent(provinceCode)}/days/${encodeURIComponent(day)}`,
        { method: 'PUT', body },
      ),
    onSuccess: (day) => {
      setDraft(EMPTY_DAY);
      onSaved(day);
    },
  });
  const serverErrors = save.isError ? fieldErrorsOf(save.error, i18n.language) : {};
  const shown = (field: keyof DayDraft) =>
    errors[field] ? t(errors[field]) : (serverErrors[field] ?? undefined);
  const summary = (Object.keys(FIELD_IDS) as (keyof DayDraft)[])
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: FIELD_IDS[field], message: t(errors[field]!) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findDayErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ day: draft.day, body: dayBodyOf(draft) });
  };

  return (
    <Card title={t('add.title')}>
      <form onSubmit={submit} noValidate className="stack">
        <p className="muted">{t('add.intro')}</p>
        <FormErrorSummary errors={summary} />
        <TextField
          id={FIELD_IDS.day}
          label={t('add.date')}
          hint={t('add.dateHint')}
          type="date"
          min="2000-01-01"
          max="2100-12-31"
          value={draft.day}
          onChange={(e) => setDraft({ ...draft, day: e.target.value })}
          error={shown('day')}
        />
        <RadioGroup
          id={FIELD_IDS.kind}
          legend={t('add.kind')}
          name="calendar-day-kind"
          options={CALENDAR_DAY_KINDS.map((kind) => ({
            value: kind,
            label: t(`kinds.${kind}`),
            hint: t(`kindHints.${kind}`),
          }))}
          value={draft.kind || null}
          onChange={(kind) => setDraft({ ...draft, kind: kind as CalendarDayKind })}
          error={shown('kind')}
        />
        <TextField
          id={FIELD_IDS.nameVi}
          label={t('add.nameVi')}
          lang="vi"
          value={draft.nameVi}
          onChange={(e) => setDraft({ ...draft, nameVi: e.target.value })}
          error={shown('nameVi')}
          autoComplete="off"
        />
        <TextField
          id={FIELD_IDS.nameEn}
          label={t('add.nameEn')}
          lang="en"
          value={draft.nameEn}
          onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })}
          error={shown('nameEn')}
          autoComplete="off"
        />
        {save.isError && <Alert tone="error">{errorText(save.error)}</Alert>}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('add.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

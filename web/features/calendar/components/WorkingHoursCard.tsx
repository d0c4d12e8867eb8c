import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { WorkingHours, WorkingHoursBody } from '../../../../shared/contracts/calendar';
import { ApiError, apiFetch } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { Alert, Button, Card, Checkbox, FieldError, TextField } from '../../../ui';
import {
  findHoursErrors,
  hasHoursErrors,
  hoursBodyOf,
  hoursDraftOf,
  type HoursDraft,
  type HoursErrors,
} from '../calendar-form';
import { useErrorText } from '../queries';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MAX_PERIODS = 6;

/** The province's working periods and weekdays; its administrators edit them in place. */
export function WorkingHoursCard({
  provinceCode,
  hours,
  canEdit,
  onSaved,
}: {
  provinceCode: string;
  hours: WorkingHours;
  canEdit: boolean;
  onSaved: (hours: WorkingHours) => void;
}) {
  const { t } = useTranslation('calendar');
  const [draft, setDraft] = useState<HoursDraft | null>(null);
  const [errors, setErrors] = useState<HoursErrors>({ periods: {} });
  const save = useMutation({
    mutationFn: (body: WorkingHoursBody) =>
      apiFetch<WorkingHours>(`/api/v1/calendars/${encodeURIComponent(provinceCode)}/hours`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (saved) => {
      setDraft(null);
      onSaved(saved);
    },
  });

  const startEditing = () => {
    save.reset();
    setErrors({ periods: {} });
    setDraft(hoursDraftOf(hours));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const found = findHoursErrors(draft);
    setErrors(found);
    if (hasHoursErrors(found)) return;
    save.mutate(hoursBodyOf(draft));
  };

  const weekdayNames = hours.weekdays.map((d) => t(`weekdays.${d}`)).join(', ');
  const periods = hours.periods.map((p) => `${p.start}–${p.end}`).join(', ');
  return (
    <Card title={t('hours.title')}>
      {draft === null ? (
        <div className="stack">
          <dl className="calendar-facts">
            <div>
              <dt>{t('hours.weekdaysLabel')}</dt>
              <dd>{weekdayNames}</dd>
            </div>
            <div>
              <dt>{t('hours.periodsLabel')}</dt>
              <dd>{periods}</dd>
            </div>
          </dl>
          <p className="muted">
            {hours.isDefault || !hours.updatedAt
              ? t('hours.defaultNote')
              : t('hours.ownNote', { at: formatDateTime(hours.updatedAt) })}
          </p>
          {canEdit && (
            <div>
              <Button variant="secondary" onClick={startEditing}>
                {t('hours.edit')}
              </Button>
            </div>
          )}
        </div>
      ) : (
        <HoursForm
          draft={draft}
          errors={errors}
          saving={save.isPending}
          serverError={save.isError ? save.error : null}
          onChange={setDraft}
          onSubmit={submit}
          onCancel={() => setDraft(null)}
        />
      )}
    </Card>
  );
}

function HoursForm({
  draft,
  errors,
  saving,
  serverError,
  onChange,
  onSubmit,
  onCancel,
}: {
  draft: HoursDraft;
  errors: HoursErrors;
  saving: boolean;
  serverError: unknown;
  onChange: (draft: HoursDraft) => void;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('calendar');
  const errorText = useErrorText();
  const setPeriod = (index: number, part: 'start' | 'end', value: string) =>
    onChange({
      ...draft,
      periods: draft.periods.map((p, i) => (i === index ? { ...p, [part]: value } : p)),
    });
  const toggleWeekday = (day: number, on: boolean) =>
    onChange({
      ...draft,
      weekdays: on ? [...draft.weekdays, day] : draft.weekdays.filter((d) => d !== day),
    });
  const serverDetails =
    serverError instanceof ApiError
      ? serverError.details.map((d) =>
          i18n.language.startsWith('vi') && d.messageVi ? d.messageVi : d.message,
        )
      : [];

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <fieldset className="fieldset" aria-describedby={errors.list ? 'calendar-periods-error' : undefined}>
        <legend className="fieldset__legend">{t('hours.periodsLabel')}</legend>
        {errors.list && <FieldError id="calendar-periods-error" message={t(errors.list)} />}
        <div className="stack">
          {draft.periods.map((period, index) => {
            const n = index + 1;
            const error = errors.periods[index];
            return (
              <fieldset
                key={index}
                className={error ? 'fieldset calendar-period field--invalid' : 'fieldset calendar-period'}
                aria-describedby={error ? `calendar-period-${index}-error` : undefined}
              >
                <legend className="fieldset__legend">{t('hours.period', { n })}</legend>
                {error && <FieldError id={`calendar-period-${index}-error`} message={t(error)} />}
                <div className="calendar-period__fields">
                  <TextField
                    id={`calendar-period-${index}-start`}
                    label={t('hours.start')}
                    type="time"
                    step={60}
                    value={period.start}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => setPeriod(index, 'start', e.target.value)}
                  />
                  <TextField
                    id={`calendar-period-${index}-end`}
                    label={t('hours.end')}
                    type="time"
                    step={60}
                    value={period.end}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => setPeriod(index, 'end', e.target.value)}
                  />
                </div>
                {draft.periods.length > 1 && (
                  <Button
                    variant="ghost"
                    onClick={() =>
                      onChange({ ...draft, periods: draft.periods.filter((_, i) => i !== index) })
                    }
                  >
                    {t('hours.removePeriod', { n })}
                  </Button>
                )}
              </fieldset>
            );
          })}
        </div>
        {draft.periods.length < MAX_PERIODS && (
          <Button
            variant="secondary"
            onClick={() => onChange({ ...draft, periods: [...draft.periods, { start: '', end: '' }] })}
          >
            {t('hours.addPeriod')}
          </Button>
        )}
      </fieldset>
      <fieldset
        className={errors.weekdays ? 'fieldset field--invalid' : 'fieldset'}
        aria-describedby={errors.weekdays ? 'calendar-weekdays-error' : undefined}
      >
        <legend className="fieldset__legend">{t('hours.weekdaysLabel')}</legend>
        {errors.weekdays && <FieldError id="calendar-weekdays-error" message={t(errors.weekdays)} />}
        <div className="calendar-weekdays">
          {WEEKDAYS.map((day) => (
            <Checkbox
              key={day}
              label={t(`weekdays.${day}`)}
              checked={draft.weekdays.includes(day)}
              onChange={(e) => toggleWeekday(day, e.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      {serverError !== null && (
        <Alert tone="error">
          <p>{errorText(serverError)}</p>
          {serverDetails.length > 0 && (
            <ul>
              {serverDetails.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div className="cluster">
        <Button type="submit" loading={saving}>
          {t('hours.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('hours.cancel')}
        </Button>
      </div>
    </form>
  );
}

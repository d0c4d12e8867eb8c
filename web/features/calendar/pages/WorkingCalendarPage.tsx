import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarDay } from '../../../../shared/contracts/calendar';
import { localDateOf } from '../../../../shared/time/vietnam-time';
import { ApiError, apiFetch } from '../../../app/api';
import { useSession } from '../../../app/session';
import { Alert, Button, Dialog, PageHeader, Select, Skeleton } from '../../../ui';
import { AddDayCard } from '../components/AddDayCard';
import { CalendarDaysTable } from '../components/CalendarDaysTable';
import { WorkingHoursCard } from '../components/WorkingHoursCard';
import { formatDay, yearChoices } from '../calendar-form';
import { calendarQueryKey, useCalendarYear, useErrorText } from '../queries';
import '../calendar.css';

/** The years the national list covers, until the first answer says so (the selector never starts empty). */
const KNOWN_NATIONAL_YEARS = [2025, 2026, 2027];

/**
 * A province's working calendar: hours, and the year's holidays and swapped days with their origin. The province
 * comes from the caller's province-level grants (a choice when there are several) and the year from the address, so
 * a reload keeps both. What may be edited is the server's `actions`, not a guess from the grants.
 */
export function WorkingCalendarPage() {
  const { t } = useTranslation('calendar');
  const errorText = useErrorText();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CalendarDay | null>(null);

  const provinces = [
    ...new Map(
      (me?.grants ?? [])
        .filter((g) => /^\d{2}$/.test(g.unitCode))
        .map((g) => [g.unitCode, g.unitName ?? g.unitCode] as const),
    ),
  ].map(([value, label]) => ({ value, label }));
  const asked = params.get('province');
  const provinceCode = provinces.find((p) => p.value === asked)?.value ?? provinces[0]?.value ?? null;
  const currentYear = Number(localDateOf(new Date()).slice(0, 4));
  const askedYear = Number(params.get('year'));
  const year =
    Number.isInteger(askedYear) && askedYear >= 2000 && askedYear <= 2100 ? askedYear : currentYear;

  const calendar = useCalendarYear(provinceCode, year);
  const data = calendar.data;
  const canEdit = data?.actions.includes('calendar.manage') ?? false;
  const refresh = () => {
    if (provinceCode) void queryClient.invalidateQueries({ queryKey: calendarQueryKey(provinceCode) });
  };
  const choose = (key: 'province' | 'year', value: string) => {
    setDone(null);
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const remove = useMutation({
    mutationFn: (day: CalendarDay) =>
      apiFetch<void>(
        `/api/v1/calendars/${encodeURIComponent(provinceCode ?? '')}/days/${encodeURIComponent(day.day)}`,
        { method: 'DELETE' },
      ),
    onSuccess: (_, day) => {
      setRemoving(null);
      setDone(t('days.removed', { date: formatDay(day.day) }));
      refresh();
    },
  });
  const closeRemoving = () => {
    setRemoving(null);
    remove.reset();
  };

  if (provinceCode === null) {
    return (
      <>
        <PageHeader title={t('page.title')} description={t('page.description')} />
        <Alert tone="info">{t('page.noProvince')}</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <div className="stack-lg">
        <div className="calendar-choices">
          {provinces.length > 1 && (
            <Select
              id="calendar-province"
              label={t('page.province')}
              options={provinces}
              value={provinceCode}
              onChange={(e) => choose('province', e.target.value)}
            />
          )}
          <Select
            id="calendar-year"
            label={t('page.year')}
            options={yearChoices([...(data?.nationalYears ?? KNOWN_NATIONAL_YEARS), year], currentYear).map(
              (y) => ({
                value: String(y),
                label: String(y),
              }),
            )}
            value={String(year)}
            onChange={(e) => choose('year', e.target.value)}
          />
        </div>
        {done && <Alert tone="success">{done}</Alert>}
        {calendar.isError ? (
          <Alert tone="error" title={t('page.loadFailed')}>
            <p>{errorText(calendar.error)}</p>
            {!(calendar.error instanceof ApiError && [403, 404].includes(calendar.error.status)) && (
              <Button variant="secondary" onClick={() => void calendar.refetch()}>
                {t('page.retry')}
              </Button>
            )}
          </Alert>
        ) : !data ? (
          <Skeleton lines={8} />
        ) : (
          <>
            {!canEdit && <Alert tone="info">{t('page.readOnly')}</Alert>}
            <WorkingHoursCard
              provinceCode={provinceCode}
              hours={data.hours}
              canEdit={canEdit}
              onSaved={() => {
                setDone(t('hours.saved'));
                refresh();
              }}
            />
            <CalendarDaysTable
              data={data}
              canEdit={canEdit}
              onRemove={(day) => {
                remove.reset();
                setRemoving(day);
              }}
            />
            {canEdit && (
              <AddDayCard
                provinceCode={provinceCode}
                onSaved={(day) => {
                  setDone(t('add.saved', { date: formatDay(day.day) }));
                  refresh();
                }}
              />
            )}
          </>
        )}
      </div>
      <Dialog
        open={removing !== null}
        onClose={closeRemoving}
        title={t('days.removeTitle', { date: removing ? formatDay(removing.day) : '' })}
        footer={
          <div className="cluster">
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing)}
            >
              {t('days.remove')}
            </Button>
            <Button variant="secondary" onClick={closeRemoving}>
              {t('days.cancel')}
            </Button>
          </div>
        }
      >
        <div className="stack">
          <p>{t('days.removeBody', { date: removing ? formatDay(removing.day) : '' })}</p>
          {remove.isError && <Alert tone="error">{errorText(remove.error)}</Alert>}
        </div>
      </Dialog>
    </>
  );
}

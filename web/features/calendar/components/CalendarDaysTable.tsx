import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarYear } from '../../../../shared/contracts/calendar';
import { isoWeekdayOf } from '../../../../shared/time/working-time';
import { Alert, Button, DataTable, EmptyState, Tag, type DataColumn, type TagTone } from '../../../ui';
import { formatDay } from '../calendar-form';

const KIND_TONES: Record<CalendarDay['kind'], TagTone> = {
  holiday: 'warning',
  workday: 'info',
  cancelled: 'neutral',
};

/**
 * The year's days off and swapped working days, by date, with where each comes from. Every meaning is written in
 * words (kind, origin, result); the tag colours only repeat them.
 */
export function CalendarDaysTable({
  data,
  canEdit,
  onRemove,
}: {
  data: CalendarYear;
  canEdit: boolean;
  onRemove: (day: CalendarDay) => void;
}) {
  const { t, i18n } = useTranslation('calendar');
  const english = i18n.language.startsWith('en');
  const nameOf = (d: { nameVi: string; nameEn: string }) => (english ? d.nameEn : d.nameVi);

  const columns: DataColumn<CalendarDay>[] = [
    {
      key: 'date',
      header: t('days.date'),
      primary: true,
      render: (d) => (
        <>
          <time dateTime={d.day}>{formatDay(d.day)}</time>{' '}
          <span className="calendar-weekday">({t(`weekdays.${isoWeekdayOf(d.day)}`)})</span>
        </>
      ),
    },
    {
      key: 'kind',
      header: t('days.kind'),
      render: (d) => <Tag tone={KIND_TONES[d.kind]}>{t(`kinds.${d.kind}`)}</Tag>,
    },
    {
      key: 'name',
      header: t('days.name'),
      render: (d) => (
        <>
          <span lang={english ? 'en' : 'vi'}>{nameOf(d)}</span>
          {d.national && (
            <span className="calendar-replaces muted">
              {t('days.replaces', { name: nameOf(d.national) })}
            </span>
          )}
        </>
      ),
    },
    { key: 'origin', header: t('days.origin'), render: (d) => t(`origins.${d.origin}`) },
    {
      key: 'result',
      header: t('days.result'),
      render: (d) => (
        <Tag tone={d.isWorkingDay ? 'success' : 'neutral'}>
          {t(d.isWorkingDay ? 'results.working' : 'results.off')}
        </Tag>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('days.actions'),
      actions: true,
      render: (d) =>
        d.origin === 'province' ? (
          <Button variant="secondary" onClick={() => onRemove(d)}>
            {t('days.remove')}
            <span className="visually-hidden"> {formatDay(d.day)}</span>
          </Button>
        ) : null,
    });
  }

  return (
    <section aria-labelledby="calendar-days-title" className="stack">
      <h2 id="calendar-days-title">{t('days.title', { year: data.year })}</h2>
      {data.national ? (
        <p className="calendar-source">{t('days.source', { source: data.national.source })}</p>
      ) : (
        <Alert tone="info">{t('days.noNational', { year: data.year })}</Alert>
      )}
      {data.national?.provisional && (
        <Alert tone="warning">{t('days.provisional', { year: data.year })}</Alert>
      )}
      <DataTable
        caption={t('days.caption', { year: data.year })}
        captionHidden
        columns={columns}
        rows={data.days}
        rowKey={(d) => d.day}
        empty={<EmptyState title={t('days.empty')} />}
      />
    </section>
  );
}

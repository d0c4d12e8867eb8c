import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Page } from '../../../shared/contracts/paging';
import type { ReviewStatus, SupportFilter } from '../../../shared/contracts/support';
import type { Team, TeamDetail } from '../../../shared/contracts/teams';
import { apiFetch } from '../../app/api';
import { useSession } from '../../app/session';
import { Button, buttonClass, EmptyState, PageHeader, Select, TextField } from '../../ui';
import { toUnitChoice, UnitPicker, type UnitChoice } from '../geography/UnitPicker';
import { useUnitDetail } from '../geography/units-queries';
import { ListBody } from './ListBody';
import {
  cleanFilter,
  exportCsvHref,
  filterFromSearch,
  searchOfFilter,
  usePagedRecords,
  useServiceCatalogue,
} from './records-queries';
import { RecordsTable } from './RecordsTable';
import './support.css';

interface FilterForm {
  from: string;
  to: string;
  /** The unit picked here, or (opened from a link) only its code until its name has loaded. */
  unit: UnitChoice | null;
  unitCode: string;
  teamId: string;
  memberId: string;
  service: string;
  review: ReviewStatus | '';
}

const EMPTY_FORM: FilterForm = {
  from: '',
  to: '',
  unit: null,
  unitCode: '',
  teamId: '',
  memberId: '',
  service: '',
  review: '',
};

function toFilter(form: FilterForm): SupportFilter {
  return {
    from: form.from || undefined,
    to: form.to || undefined,
    unit: form.unit?.code ?? (form.unitCode || undefined),
    teamId: form.teamId || undefined,
    memberId: form.memberId || undefined,
    service: form.service || undefined,
    review: form.review || undefined,
  };
}

function toForm(filter: SupportFilter): FilterForm {
  return {
    ...EMPTY_FORM,
    from: filter.from ?? '',
    to: filter.to ?? '',
    unitCode: filter.unit ?? '',
    teamId: filter.teamId ?? '',
    memberId: filter.memberId ?? '',
    service: filter.service ?? '',
    review: filter.review ?? '',
  };
}

/**
 * Officers' list of records in their scope, with filters and the CSV export of exactly what is filtered. The
 * applied filter lives in the address (records-queries.ts: `?unit=…&review=…&from=…`), so a role home links here
 * filtered, and back/forward step through the filters.
 */
export function RecordsPage() {
  const { t, i18n } = useTranslation('support');
  const { me } = useSession();
  const [search, setSearch] = useSearchParams();
  const applied = filterFromSearch(search);
  const [form, setForm] = useState<FilterForm>(() => toForm(applied));
  // Back, forward or a link to other filters: the form follows the address.
  const [formOf, setFormOf] = useState(search.toString());
  if (formOf !== search.toString()) {
    setFormOf(search.toString());
    setForm(toForm(applied));
  }
  const paged = usePagedRecords(applied);
  const catalogue = useServiceCatalogue();
  const english = i18n.language.startsWith('en');

  // A unit given by code in the address: its name is read so the picker shows it.
  const linkedUnit = useUnitDetail(form.unit || !form.unitCode ? null : form.unitCode);
  const shownUnit = form.unit ?? (linkedUnit.data ? toUnitChoice(linkedUnit.data) : null);
  const unitCode = form.unit?.code ?? (form.unitCode || undefined);
  const teams = useQuery({
    queryKey: ['teams', 'for-filter', unitCode],
    queryFn: ({ signal }) =>
      apiFetch<Page<Team>>('/api/v1/teams', { query: { unit: unitCode, limit: 500, status: 'all' }, signal }),
    enabled: Boolean(unitCode),
  });
  const members = useQuery({
    queryKey: ['teams', 'detail', form.teamId],
    queryFn: ({ signal }) =>
      apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(form.teamId)}`, { signal }),
    enabled: Boolean(form.teamId),
  });
  const firstGrant = me?.grants[0]?.unitCode ?? null;

  const patch = (next: Partial<FilterForm>) => setForm((f) => ({ ...f, ...next }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSearch(searchOfFilter(cleanFilter(toFilter(form))));
  };

  return (
    <div className="stack">
      <PageHeader
        title={t('lists.recordsTitle')}
        description={t('lists.recordsIntro')}
        actions={
          <a className={buttonClass('secondary')} href={exportCsvHref(applied)} download>
            {t('lists.exportCsv')}
          </a>
        }
      />
      <details className="capture-details" open={Object.keys(cleanFilter(applied)).length > 0 || undefined}>
        <summary>{t('lists.filters')}</summary>
        <form onSubmit={apply} noValidate>
          <div className="filters">
            <TextField
              type="date"
              label={t('lists.from')}
              value={form.from}
              onChange={(e) => patch({ from: e.target.value })}
            />
            <TextField
              type="date"
              label={t('lists.to')}
              value={form.to}
              onChange={(e) => patch({ to: e.target.value })}
            />
            <Select
              label={t('lists.service')}
              value={form.service}
              placeholder={t('lists.all')}
              options={(catalogue.data ?? []).map((s) => ({
                value: s.code,
                label: english ? s.nameEn : s.name,
              }))}
              onChange={(e) => patch({ service: e.target.value })}
            />
            <Select
              label={t('lists.reviewFilter')}
              value={form.review}
              placeholder={t('lists.all')}
              options={(['pending', 'reviewed', 'flagged'] as const).map((v) => ({
                value: v,
                label: t(`record.reviewStatus.${v}`),
              }))}
              onChange={(e) => patch({ review: e.target.value as ReviewStatus | '' })}
            />
          </div>
          <UnitPicker
            label={t('lists.unit')}
            value={shownUnit}
            selectable={['commune', 'hamlet']}
            startCode={shownUnit ? undefined : firstGrant}
            onChange={(unit) => patch({ unit, unitCode: unit?.code ?? '', teamId: '', memberId: '' })}
          />
          <div className="filters">
            {unitCode && (
              <Select
                label={t('lists.team')}
                value={form.teamId}
                placeholder={t('lists.all')}
                options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
                onChange={(e) => patch({ teamId: e.target.value, memberId: '' })}
              />
            )}
            {form.teamId && (
              <Select
                label={t('lists.member')}
                value={form.memberId}
                placeholder={t('lists.all')}
                options={(members.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
                onChange={(e) => patch({ memberId: e.target.value })}
              />
            )}
          </div>
          <div className="cluster">
            <Button type="submit">{t('lists.apply')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setForm(EMPTY_FORM);
                setSearch('');
              }}
            >
              {t('lists.reset')}
            </Button>
          </div>
        </form>
      </details>
      <ListBody paged={paged}>
        <RecordsTable
          records={paged.records}
          caption={t('lists.caption')}
          showAuthor
          showTeam
          empty={<EmptyState title={t('lists.recordsEmpty')} />}
        />
      </ListBody>
    </div>
  );
}

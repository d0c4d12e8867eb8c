import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASE_STATES } from '../../../shared/rules/case-workflow';
import { Button, Select, TextField } from '../../ui';
import { fetchUnitList } from '../geography/units-queries';
import type { CaseListFilters } from './cases-api';
import { FILTER_KEYS } from './list-filters';
import { useCategories } from './use-categories';

/** The list's filters as one form: applied together (one request), kept in the URL by the page. */
export function ListFilters({
  value,
  onApply,
  provinceCode,
}: {
  value: CaseListFilters;
  onApply: (next: CaseListFilters) => void;
  provinceCode: string | null;
}) {
  const { t, i18n } = useTranslation('cases');
  const english = i18n.language.startsWith('en');
  const [draft, setDraft] = useState<CaseListFilters>(value);
  const categories = useCategories('report');
  const communes = useQuery({
    queryKey: ['units', 'list', provinceCode, ''],
    queryFn: ({ signal }) => fetchUnitList({ parentCode: provinceCode }, signal),
    enabled: provinceCode !== null,
    staleTime: 10 * 60_000,
  });
  const set = (key: keyof CaseListFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value || undefined }));
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
  }
  const statusOptions = [
    { value: 'open', label: t('list.open') },
    ...CASE_STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
  ];
  return (
    <form className="case-filters" onSubmit={submit} aria-label={t('list.filters')}>
      <Select
        label={t('list.category')}
        placeholder={t('list.all')}
        value={draft.category ?? ''}
        onChange={set('category')}
        options={(categories.data?.items ?? []).map((c) => ({
          value: c.code,
          label: english ? c.nameEn : c.name,
        }))}
      />
      {provinceCode && (
        <Select
          label={t('list.commune')}
          placeholder={t('list.all')}
          value={draft.commune ?? ''}
          onChange={set('commune')}
          options={(communes.data?.items ?? []).map((u) => ({
            value: 'code' in u ? u.code : '',
            label: u.fullName,
          }))}
        />
      )}
      <Select
        label={t('list.status')}
        placeholder={t('list.all')}
        value={draft.status ?? ''}
        onChange={set('status')}
        options={statusOptions}
      />
      <TextField label={t('list.from')} type="date" value={draft.from ?? ''} onChange={set('from')} />
      <TextField label={t('list.to')} type="date" value={draft.to ?? ''} onChange={set('to')} />
      <div className="case-nav">
        <Button type="submit">{t('list.apply')}</Button>
        {FILTER_KEYS.some((k) => value[k]) && (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft({});
              onApply({});
            }}
          >
            {t('list.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}

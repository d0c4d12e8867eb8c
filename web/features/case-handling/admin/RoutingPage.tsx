import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from '../../../app/api';
import { Alert, PageHeader, Select, Skeleton } from '../../../ui';
import { CommuneSelect } from '../CommuneSelect';
import { CASES_KEY, useAgencies, useCategories, useWrite, type RoutingRule } from '../queries';
import '../case-handling.css';

interface RuleChange {
  categoryCode: string;
  communeCode: string | null;
  agencyId: string | null;
}

/**
 * Routing rules, category × unit → agency: the province's defaults, and a commune's own rules on top. One select per
 * category; choosing saves at once (PUT one rule), and "as the province" removes a commune's rule.
 */
export function RoutingPage() {
  const { t, i18n } = useTranslation('case-handling');
  const [commune, setCommune] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const categories = useCategories();
  const agencies = useAgencies();
  const rules = useQuery({
    queryKey: [CASES_KEY, 'routing', commune],
    queryFn: ({ signal }) =>
      apiFetch<{ items: RoutingRule[] }>('/api/v1/case-routing', {
        query: { commune: commune || undefined },
        signal,
      }),
    select: (data) => data.items,
  });
  const write = useWrite<RuleChange, { items: RoutingRule[] }>('PUT', '/api/v1/case-routing', ['routing']);
  const vi = i18n.language.startsWith('vi');
  const scope = commune || null;
  const ruleFor = (category: string, unit: string | null) =>
    rules.data?.find((r) => r.categoryCode === category && r.communeCode === unit);
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active && (!scope || a.communeCode === null || a.communeCode === scope))
    .map((a) => ({ value: a.id, label: vi ? a.name : (a.nameEn ?? a.name) }));

  async function change(categoryCode: string, categoryName: string, agencyId: string) {
    setDone(null);
    try {
      await write.mutateAsync({ categoryCode, communeCode: scope, agencyId: agencyId || null });
      setDone(t('routing.saved', { category: categoryName }));
    } catch {
      // write.error is shown above the table.
    }
  }

  return (
    <div className="stack">
      <PageHeader title={t('routing.title')} description={t('routing.intro')} />
      <CommuneSelect
        label={t('routing.scope')}
        value={commune}
        placeholder={t('routing.provinceDefaults')}
        onChange={setCommune}
      />
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {write.error && (
        <Alert tone="error">
          {write.error instanceof ApiError ? write.error.messageIn(i18n.language) : String(write.error)}
        </Alert>
      )}
      {rules.isPending || categories.isPending ? (
        <Skeleton lines={6} />
      ) : rules.isError || categories.isError ? (
        <Alert tone="error">{t('common.loadFailed')}</Alert>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('routing.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('routing.category')}</th>
                <th scope="col">{t('routing.agency')}</th>
              </tr>
            </thead>
            <tbody>
              {categories.data.map((category) => {
                const name = vi ? category.name : category.nameEn;
                const own = ruleFor(category.code, scope);
                const fallback = scope ? ruleFor(category.code, null) : undefined;
                return (
                  <tr key={category.code}>
                    <th scope="row">{name}</th>
                    <td>
                      <Select
                        label={
                          <span className="visually-hidden">
                            {t('routing.agencyFor', { category: name })}
                          </span>
                        }
                        value={own?.agencyId ?? ''}
                        placeholder={scope ? t('routing.inherit') : t('routing.noRule')}
                        hint={fallback ? t('routing.fromProvince', { name: fallback.agencyName }) : undefined}
                        options={agencyOptions}
                        disabled={write.isPending}
                        onChange={(e) => void change(category.code, name, e.target.value)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStats } from '../../../shared/contracts/case-admin';
import { ApiError } from '../../app/api';
import { Alert, Button, buttonClass, Card, PageHeader, Select, Skeleton, TextField } from '../../ui';
import { CommuneSelect } from './CommuneSelect';
import { useAgencies, useCaseStats, useCategories, statsExportHref } from './queries';
import './case-handling.css';

interface StatsFilter {
  from: string;
  to: string;
  commune: string;
  agency: string;
  category: string;
}
const EMPTY: StatsFilter = { from: '', to: '', commune: '', agency: '', category: '' };

/**
 * The supervisors' statistics: every figure as a table (no chart needs a text equivalent), the on-time rates and
 * satisfaction, and the list of cases behind them as CSV or XLSX with the same filters.
 */
export function StatsPage() {
  const { t, i18n } = useTranslation('case-handling');
  const [draft, setDraft] = useState<StatsFilter>(EMPTY);
  const [filter, setFilter] = useState<StatsFilter>(EMPTY);
  const stats = useCaseStats({ ...filter });
  const agencies = useAgencies();
  const categories = useCategories();
  const vi = i18n.language.startsWith('vi');
  const set = (key: keyof StatsFilter, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };

  return (
    <div className="stack">
      <PageHeader title={t('stats.title')} description={t('stats.intro')} />
      <form onSubmit={apply} className="case-filters__form case-filters" aria-label={t('inbox.filters')}>
        <TextField
          type="date"
          label={t('stats.from')}
          value={draft.from}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          type="date"
          label={t('stats.to')}
          value={draft.to}
          onChange={(e) => set('to', e.target.value)}
        />
        <CommuneSelect
          label={t('stats.commune')}
          value={draft.commune}
          placeholder={t('common.all')}
          onChange={(code) => set('commune', code)}
        />
        <Select
          label={t('stats.agency')}
          value={draft.agency}
          placeholder={t('common.all')}
          options={(agencies.data ?? []).map((a) => ({
            value: a.id,
            label: vi ? a.name : (a.nameEn ?? a.name),
          }))}
          onChange={(e) => set('agency', e.target.value)}
        />
        <Select
          label={t('stats.category')}
          value={draft.category}
          placeholder={t('common.all')}
          options={(categories.data ?? []).map((c) => ({ value: c.code, label: vi ? c.name : c.nameEn }))}
          onChange={(e) => set('category', e.target.value)}
        />
        <div>
          <Button type="submit">{t('stats.apply')}</Button>
        </div>
      </form>
      <section aria-labelledby="case-stats-download" className="cluster">
        <h2 id="case-stats-download" className="visually-hidden">
          {t('stats.download')}
        </h2>
        <a className={buttonClass('secondary')} href={statsExportHref('csv', { ...filter })} download>
          {t('stats.csv')}
        </a>
        <a className={buttonClass('secondary')} href={statsExportHref('xlsx', { ...filter })} download>
          {t('stats.xlsx')}
        </a>
      </section>
      {stats.isPending ? (
        <Skeleton lines={6} />
      ) : stats.isError ? (
        <Alert tone="error" title={t('common.loadFailed')}>
          {stats.error instanceof ApiError && <p>{stats.error.messageIn(i18n.language)}</p>}
        </Alert>
      ) : (
        <StatsBody stats={stats.data} />
      )}
    </div>
  );
}

function percent(rate: number | null): string {
  return rate === null ? '' : String(Math.round(rate * 1000) / 10);
}

function StatsBody({ stats }: { stats: CaseStats }) {
  const { t, i18n } = useTranslation('case-handling');
  const number = (n: number, digits = 1) =>
    n.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  const rate = (r: CaseStats['acceptOnTime']) =>
    r.rate === null
      ? t('stats.noRate')
      : t('stats.rate', { rate: percent(r.rate), done: r.onTime, all: r.done });
  const hours = (h: number | null) =>
    h === null ? t('stats.noRate') : t('stats.hours', { hours: number(h) });
  return (
    <>
      <Card title={t('stats.summaryTitle')}>
        <dl className="case-facts">
          <dt>{t('stats.total')}</dt>
          <dd>{stats.total}</dd>
          <dt>{t('stats.open')}</dt>
          <dd>{stats.open}</dd>
          <dt>{t('stats.overdueOpen')}</dt>
          <dd>{stats.overdueOpen}</dd>
          <dt>{t('stats.acceptOnTime')}</dt>
          <dd>{rate(stats.acceptOnTime)}</dd>
          <dt>{t('stats.answerOnTime')}</dt>
          <dd>{rate(stats.answerOnTime)}</dd>
          <dt>{t('stats.medianAccept')}</dt>
          <dd>{hours(stats.medianHoursToAccept)}</dd>
          <dt>{t('stats.medianAnswer')}</dt>
          <dd>{hours(stats.medianHoursToAnswer)}</dd>
          <dt>{t('stats.satisfaction')}</dt>
          <dd>
            {stats.satisfaction.mean === null
              ? t('stats.noRate')
              : t('stats.satisfactionValue', {
                  mean: number(stats.satisfaction.mean),
                  count: stats.satisfaction.count,
                })}
          </dd>
        </dl>
      </Card>
      <CountTable
        title={t('stats.by.state')}
        rows={stats.byState.map((r) => ({ key: r.state, label: t(`state.${r.state}`), count: r.count }))}
      />
      <CountTable
        title={t('stats.by.category')}
        rows={stats.byCategory.map((r) => ({ key: r.code, label: r.name, count: r.count }))}
      />
      <CountTable
        title={t('stats.by.agency')}
        rows={stats.byAgency.map((r) => ({
          key: r.agencyId ?? '-',
          label: r.name ?? t('stats.noAgency'),
          count: r.count,
        }))}
      />
      <CountTable
        title={t('stats.by.commune')}
        rows={stats.byCommune.map((r) => ({
          key: r.code ?? '-',
          label: r.name ?? t('stats.noCommune'),
          count: r.count,
        }))}
      />
      <StatTable
        title={t('stats.by.month')}
        head={[t('stats.columns.month'), t('stats.columns.submitted'), t('stats.columns.answered')]}
        rows={stats.byMonth.map((r) => ({
          key: r.month,
          cells: [monthLabel(r.month), r.submitted, r.answered],
        }))}
      />
    </>
  );
}

/** "2026-11" → "11/2026", as Vietnamese officials write a month. */
function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return year && m ? `${m}/${year}` : month;
}

function CountTable({
  title,
  rows,
}: {
  title: string;
  rows: { key: string; label: string; count: number }[];
}) {
  const { t } = useTranslation('case-handling');
  return (
    <StatTable
      title={title}
      head={[t('stats.columns.name'), t('stats.columns.count')]}
      rows={rows.map((r) => ({ key: r.key, cells: [r.label, r.count] }))}
    />
  );
}

function StatTable({
  title,
  head,
  rows,
}: {
  title: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const { t } = useTranslation('case-handling');
  const captionId = useId();
  return (
    <section className="stack">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('stats.empty')}</p>
      ) : (
        // On a phone a wide table scrolls sideways: a focusable, named region, so a keyboard can scroll it too.
        <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table case-stat-table">
            <caption id={captionId} className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={index}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

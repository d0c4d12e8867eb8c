import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProvinceRow } from '../../../shared/contracts/home';
import { useSession } from '../../app/session';
import { MANAGE_PATH } from '../teams/paths';
import { recordsSincePath, reviewQueuePath } from './list-links';
import { nextSort, sortOverview, type OverviewColumn, type OverviewSort } from './overview-sort';

const FIGURES: readonly Exclude<OverviewColumn, 'communeName'>[] = [
  'teams',
  'members',
  'recordsThisMonth',
  'pendingReview',
  'hamletsWithoutTeam',
];

function total(rows: readonly ProvinceRow[], column: (typeof FIGURES)[number]): number {
  return rows.reduce((sum, row) => sum + row[column], 0);
}

/**
 * Province, department and Youth Union roles: every commune of their grants in a table that sorts by any column
 * (a heading is a button; aria-sort tells screen readers the order). On a phone the table scrolls sideways inside a
 * focusable region, so the commune name stays the first thing read in each row.
 */
export function OverviewSection({ rows, monthFrom }: { rows: ProvinceRow[]; monthFrom: string }) {
  const { t } = useTranslation('role-home');
  const { can } = useSession();
  const [sort, setSort] = useState<OverviewSort>({ column: 'communeName', direction: 'ascending' });
  const sorted = sortOverview(rows, sort);
  const columns: OverviewColumn[] = ['communeName', ...FIGURES];
  const label = (column: OverviewColumn) => t(`overview.${column === 'communeName' ? 'commune' : column}`);

  return (
    <section className="home-section" aria-labelledby="home-overview-title">
      <h2 id="home-overview-title">{t('overview.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('overview.empty')}</p>
      ) : (
        <>
          <p>
            {t('overview.totals', {
              teams: total(rows, 'teams'),
              members: total(rows, 'members'),
              records: total(rows, 'recordsThisMonth'),
              pending: total(rows, 'pendingReview'),
            })}
          </p>
          <div
            className="home-table-scroll"
            role="region"
            aria-label={t('overview.regionLabel')}
            tabIndex={0}
          >
            <table className="home-table">
              <caption>{t('overview.caption')}</caption>
              <thead>
                <tr>
                  {columns.map((column) => {
                    const active = sort.column === column;
                    return (
                      <th
                        key={column}
                        scope="col"
                        aria-sort={active ? sort.direction : undefined}
                        className={column === 'communeName' ? undefined : 'home-table__number'}
                      >
                        <button
                          type="button"
                          className="home-table__sort"
                          onClick={() => setSort(nextSort(sort, column))}
                          aria-label={`${t('overview.sortBy', { column: label(column) })}${
                            active ? `, ${t(`overview.${sort.direction}`)}` : ''
                          }`}
                        >
                          {label(column)}
                          <span aria-hidden="true" className="home-table__arrow">
                            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => (
                  <tr key={row.communeCode}>
                    <th scope="row">
                      {can('teams.manage') ? (
                        <Link to={`${MANAGE_PATH}?commune=${encodeURIComponent(row.communeCode)}`}>
                          {row.communeName}
                        </Link>
                      ) : (
                        row.communeName
                      )}
                    </th>
                    {FIGURES.map((column) => {
                      // The two figures with a list behind them open it filtered to the commune.
                      const to =
                        column === 'recordsThisMonth' && can('support.export')
                          ? recordsSincePath(row.communeCode, monthFrom)
                          : column === 'pendingReview' && can('support.review')
                            ? reviewQueuePath({ unit: row.communeCode })
                            : null;
                      return (
                        <td key={column} className="home-table__number">
                          {to ? (
                            <Link to={to} aria-label={`${label(column)}, ${row.communeName}: ${row[column]}`}>
                              {row[column]}
                            </Link>
                          ) : (
                            row[column]
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

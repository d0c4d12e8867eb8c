import { useTranslation } from 'react-i18next';
import type { TeamStats } from '../../../shared/contracts/support';
import { formatDate } from '../../app/format';
import { Card } from '../../ui';
import { useServiceCatalogue } from '../support/records-queries';
import { Bars } from './Bars';
import { AGE_BANDS_ORDER, mondayOfIsoWeek, readTargets, summarisePeople } from './team-stats';

/** The team page's figures: by service, by week, people reached by age band, members' activity and targets. */
export function TeamStatsSection({ stats }: { stats: TeamStats }) {
  const { t, i18n } = useTranslation('teams');
  const catalogue = useServiceCatalogue();
  const english = i18n.language.startsWith('en');
  const names = new Map((catalogue.data ?? []).map((s) => [s.code, english ? s.nameEn : s.name]));
  const people = summarisePeople(stats.people);
  const targets = readTargets(stats.targets);
  const count = (n: number) => t('stats.count', { count: n });

  return (
    <section className="stack" aria-labelledby="team-stats-title">
      <h2 id="team-stats-title">{t('stats.title')}</h2>
      <p>
        {t('stats.period', {
          from: formatDate(`${stats.from}T12:00:00+07:00`),
          to: formatDate(`${stats.to}T12:00:00+07:00`),
        })}
        <br />
        <strong>{t('stats.total', { count: stats.total })}</strong>
      </p>
      {stats.total === 0 ? (
        <p>{t('stats.none')}</p>
      ) : (
        <>
          <Card title={t('stats.byService')}>
            <Bars
              label={t('stats.byService')}
              items={stats.byService.map((s) => ({
                key: s.service,
                label: names.get(s.service) ?? s.service,
                value: s.count,
                valueText: count(s.count),
              }))}
            />
          </Card>
          <Card title={t('stats.byWeek')}>
            <Bars
              label={t('stats.byWeek')}
              items={stats.byWeek.map((w) => ({
                key: w.week,
                label: t('stats.week', { week: formatDate(mondayOfIsoWeek(w.week)) }),
                value: w.total,
                valueText: count(w.total),
              }))}
            />
          </Card>
          <Card title={t('stats.people')}>
            <Bars
              label={t('stats.people')}
              items={AGE_BANDS_ORDER.map((band) => ({
                key: band,
                label: (
                  <>
                    {t(`support:capture.ageBands.${band}`)}
                    <br />
                    <span className="muted">
                      {t('stats.peopleGender', {
                        female: people[band].female,
                        male: people[band].male,
                        other: people[band].other,
                      })}
                    </span>
                  </>
                ),
                value: people[band].total,
                valueText: t('stats.peopleCount', { count: people[band].total }),
              }))}
            />
          </Card>
          <Card title={t('stats.members')}>
            <Bars
              label={t('stats.members')}
              items={stats.members.map((m, i) => ({
                key: m.memberId ?? `other-${i}`,
                label: m.name,
                value: m.count,
                valueText: count(m.count),
              }))}
            />
          </Card>
        </>
      )}
      <Card title={t('stats.targets')}>
        {targets.length === 0 ? (
          <p>{t('stats.noTargets')}</p>
        ) : (
          <Bars
            label={t('stats.targets')}
            items={targets.map((target) => ({
              key: target.key,
              label: target.name,
              value: target.target > 0 ? Math.min(target.actual / target.target, 1) : 0,
              valueText: t('stats.targetValue', { actual: target.actual, target: target.target }),
            }))}
          />
        )}
      </Card>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Team } from '../../../shared/contracts/teams';
import { buttonClass, Tag } from '../../ui';
import { telHref, teamPath } from './paths';

/** A team as the public sees it: where, when, and the number to call. */
export function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation('teams');
  const place = [team.hamletName ?? t('team.communeTeam'), team.communeName].filter(Boolean).join(', ');
  return (
    <article className="team-card">
      <h3 className="team-card__title">
        <Link to={teamPath(team.id)}>{team.name}</Link>
      </h3>
      <p className="team-card__place">{place}</p>
      {team.status !== 'active' && <Tag tone="warning">{t(`team.statuses.${team.status}`)}</Tag>}
      <dl className="team-card__facts">
        <div>
          <dt>{t('team.schedule')}</dt>
          <dd>{team.schedule ?? t('team.noSchedule')}</dd>
        </div>
        <div>
          <dt>{t('team.contact')}</dt>
          <dd>
            {team.contactPhone ? (
              <a className={buttonClass('secondary')} href={telHref(team.contactPhone)}>
                {t('team.call', { phone: team.contactPhone })}
              </a>
            ) : (
              t('team.noContact')
            )}
          </dd>
        </div>
      </dl>
      <p className="muted">{t('team.members', { count: team.memberCount })}</p>
    </article>
  );
}

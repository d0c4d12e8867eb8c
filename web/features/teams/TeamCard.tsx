import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Team } from '../../../shared/contracts/teams';
import { Tag } from '../../ui';
import { teamPath } from './paths';
import { ScheduleAndContact } from './ScheduleAndContact';

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
        <ScheduleAndContact team={team} call="secondary" />
      </dl>
      <p className="muted">{t('team.members', { count: team.memberCount })}</p>
    </article>
  );
}

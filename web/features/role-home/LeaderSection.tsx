import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LeaderTeam } from '../../../shared/contracts/home';
import { buttonClass, Card } from '../../ui';
import { membersPath, teamPath } from '../teams/paths';
import { reviewQueuePath } from './list-links';

function TeamCard({ team }: { team: LeaderTeam }) {
  const { t } = useTranslation('role-home');
  const hidden = team.inactiveCount - team.inactiveMembers.length;
  return (
    <Card title={team.teamName} level={3}>
      {team.hamletName && <p className="muted">{team.hamletName}</p>}
      <p className="home-actions">
        <Link to={membersPath(team.teamId)} className={buttonClass('primary')}>
          {t('leader.members', { count: team.activeMembers })}
        </Link>
        <Link to={teamPath(team.teamId)} className={buttonClass('secondary')}>
          {t('leader.page')}
        </Link>
      </p>
      <p>{team.schedule ? t('leader.schedule', { schedule: team.schedule }) : t('leader.noSchedule')}</p>
      <p>{team.hasContact ? t('leader.contact') : t('leader.noContact')}</p>
      <h4>{t('leader.inactiveTitle')}</h4>
      {team.inactiveCount === 0 ? (
        <p>{t('leader.allActive')}</p>
      ) : (
        <>
          <p>
            <strong className="home-figure">{team.inactiveCount}</strong>{' '}
            {t('leader.inactiveCount', { count: team.inactiveCount })}
          </p>
          <ul className="home-names">
            {team.inactiveMembers.map((m) => (
              <li key={m.memberId}>{m.name}</li>
            ))}
          </ul>
          {hidden > 0 && <p className="muted">{t('leader.inactiveMore', { count: hidden })}</p>}
        </>
      )}
    </Card>
  );
}

/** A team leader's part: their team (members, schedule, contact) one tap away, the review queue, who is quiet. */
export function LeaderSection({ teams, pendingReview }: { teams: LeaderTeam[]; pendingReview: number }) {
  const { t } = useTranslation('role-home');
  return (
    <section className="home-section" aria-labelledby="home-leader-title">
      <h2 id="home-leader-title">{t('leader.title')}</h2>
      <Card title={t('leader.reviewTitle')} level={3}>
        <p className="home-actions">
          {pendingReview === 0 ? (
            <span>{t('leader.reviewNone')}</span>
          ) : (
            <span>
              <strong className="home-figure">{pendingReview}</strong>{' '}
              {t('leader.reviewCount', { count: pendingReview })}
            </span>
          )}
          <Link
            to={reviewQueuePath(teams.length === 1 && teams[0] ? { teamId: teams[0].teamId } : {})}
            className={buttonClass(pendingReview === 0 ? 'secondary' : 'primary')}
          >
            {t('leader.reviewOpen')}
          </Link>
        </p>
      </Card>
      {teams.length === 0 ? (
        <p>{t('leader.noTeam')}</p>
      ) : (
        teams.map((team) => <TeamCard key={team.teamId} team={team} />)
      )}
    </section>
  );
}

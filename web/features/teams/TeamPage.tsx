import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TeamDetail } from '../../../shared/contracts/teams';
import { ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { useSession } from '../../app/session';
import { Alert, Button, buttonClass, Card, PageHeader, Skeleton, Tag } from '../../ui';
import { DissolveDialog } from './DissolveDialog';
import { HowToAskForHelp } from './HowToAskForHelp';
import { MergeDialog } from './MergeDialog';
import { ScheduleAndContact } from './ScheduleAndContact';
import { editTeamPath, membersPath, telHref, teamPath } from './paths';
import { TeamStatsSection } from './TeamStatsSection';
import { useTeam, useTeamStats } from './teams-queries';
import './teams.css';

/** A team's page: public facts for everyone; figures for its members and staff in scope; management for officers. */
export function TeamPage() {
  const { t, i18n } = useTranslation('teams');
  const { id } = useParams();
  const { me } = useSession();
  const team = useTeam(id);
  const mayReadStats = Boolean(
    me && team.data && (me.teams.some((m) => m.teamId === team.data.id) || me.actions.includes('teams.read')),
  );
  const stats = useTeamStats(id, mayReadStats);
  const [dialog, setDialog] = useState<'merge' | 'dissolve' | null>(null);

  if (team.isPending) return <Skeleton title lines={6} />;
  if (team.isError) {
    const notFound = team.error instanceof ApiError && team.error.status === 404;
    return (
      <>
        <PageHeader title={t('team.notFound')} />
        {!notFound && (
          <Alert tone="error">
            {team.error instanceof ApiError ? team.error.messageIn(i18n.language) : null}
          </Alert>
        )}
      </>
    );
  }
  const data = team.data;
  const canManage = data.actions.includes('teams.manage');
  const canManageMembers = data.actions.includes('teams.manageMembers');
  const place = [data.hamletName ?? t('team.communeTeam'), data.communeName].filter(Boolean).join(', ');

  return (
    <div className="stack">
      <PageHeader
        title={data.name}
        description={place}
        actions={
          (canManage || canManageMembers) && (
            <>
              {canManage && (
                <Link className={buttonClass('secondary')} to={editTeamPath(data.id)}>
                  {t('manage.edit')}
                </Link>
              )}
              {canManageMembers && (
                <Link className={buttonClass('secondary')} to={membersPath(data.id)}>
                  {t('manage.manageMembers')}
                </Link>
              )}
              {canManage && (
                <>
                  <Button variant="secondary" onClick={() => setDialog('merge')}>
                    {t('manage.merge')}
                  </Button>
                  <Button variant="danger" onClick={() => setDialog('dissolve')}>
                    {t('manage.dissolve')}
                  </Button>
                </>
              )}
            </>
          )
        }
      />
      {data.status !== 'active' && (
        <Alert tone="warning" title={t(`team.statuses.${data.status}`)}>
          {data.statusReason && <p>{data.statusReason}</p>}
          {data.mergedIntoId && (
            <p>
              {t('team.mergedInto')} <Link to={teamPath(data.mergedIntoId)}>{t('team.seeMerged')}</Link>
            </p>
          )}
        </Alert>
      )}
      <Card>
        <TeamFacts team={data} />
      </Card>
      <Card title={t('team.memberList')}>
        <MemberList team={data} />
      </Card>
      {mayReadStats && stats.isPending && <Skeleton lines={4} />}
      {stats.data && <TeamStatsSection stats={stats.data} />}
      {mayReadStats && stats.isError && !(stats.error instanceof ApiError && stats.error.status === 403) && (
        <Alert tone="error">{t('stats.loadFailed')}</Alert>
      )}
      {data.status === 'active' && <HowToAskForHelp />}
      {canManage && (
        <>
          <MergeDialog team={data} open={dialog === 'merge'} onClose={() => setDialog(null)} />
          <DissolveDialog team={data} open={dialog === 'dissolve'} onClose={() => setDialog(null)} />
        </>
      )}
    </div>
  );
}

function TeamFacts({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  return (
    <dl className="facts">
      <ScheduleAndContact team={team} call="primary" />
      {team.decision && (
        <div>
          <dt>{t('team.decision')}</dt>
          <dd>
            {t('team.decisionText', {
              number: team.decision.number,
              date: formatDate(`${team.decision.date}T12:00:00+07:00`),
              signer: team.decision.signer,
            })}
          </dd>
        </div>
      )}
    </dl>
  );
}

function MemberList({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const members = [...team.members].sort((a, b) => Number(b.active) - Number(a.active));
  if (members.length === 0) return <p>{t('team.noMembers')}</p>;
  return (
    <ul className="stack">
      {members.map((m) => (
        <li key={m.id}>
          <strong>{m.name}</strong> — {t(`team.roles.${m.role}`)}, {t(`team.affiliations.${m.affiliation}`)}
          {m.organization && ` (${m.organization})`}
          {!m.active && (
            <>
              {' '}
              <Tag>{t('team.inactive')}</Tag>
            </>
          )}
          {m.phone && (
            <>
              {' · '}
              <a href={telHref(m.phone)}>{m.phone}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

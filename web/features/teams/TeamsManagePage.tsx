import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Team } from '../../../shared/contracts/teams';
import { useSession } from '../../app/session';
import {
  buttonClass,
  DataTable,
  EmptyState,
  PageHeader,
  Pagination,
  Skeleton,
  Tag,
  type DataColumn,
} from '../../ui';
import { UnitPicker } from '../geography/UnitPicker';
import { useCommuneChoice } from './commune-choice';
import { editTeamPath, membersPath, NEW_TEAM_PATH, teamPath } from './paths';
import { useTeamPages } from './teams-queries';
import './teams.css';

/** A commune officer's list of the commune's teams (every status), with the way to establish a new one. */
export function TeamsManagePage() {
  const { t } = useTranslation('teams');
  const { me } = useSession();
  const commune = useCommuneChoice();
  const pages = useTeamPages(
    { unit: commune.code ?? undefined, status: 'all', limit: 100 },
    commune.code !== null,
  );
  const teams = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const province = me?.grants.find((g) => /^\d{2}$/.test(g.unitCode))?.unitCode ?? null;

  const columns: DataColumn<Team>[] = [
    {
      key: 'name',
      header: t('form.name'),
      primary: true,
      render: (team) => <Link to={teamPath(team.id)}>{team.name}</Link>,
    },
    { key: 'hamlet', header: t('team.hamlet'), render: (team) => team.hamletName ?? t('team.communeTeam') },
    {
      key: 'status',
      header: t('manage.status'),
      render: (team) => (
        <Tag tone={team.status === 'active' ? 'success' : 'neutral'}>{t(`team.statuses.${team.status}`)}</Tag>
      ),
    },
    { key: 'members', header: t('manage.manageMembers'), render: (team) => team.memberCount },
    {
      key: 'actions',
      header: t('manage.actions'),
      actions: true,
      render: (team) =>
        team.status === 'active' ? (
          <span className="members-table-actions">
            {team.actions.includes('teams.manage') && (
              <Link className={buttonClass('secondary')} to={editTeamPath(team.id)}>
                {t('manage.edit')}
              </Link>
            )}
            {team.actions.includes('teams.manageMembers') && (
              <Link className={buttonClass('secondary')} to={membersPath(team.id)}>
                {t('manage.manageMembers')}
              </Link>
            )}
          </span>
        ) : null,
    },
  ];

  return (
    <div className="stack">
      <PageHeader
        title={t('manage.title')}
        description={t('manage.intro')}
        actions={
          commune.code && (
            <Link
              className={buttonClass('primary')}
              to={`${NEW_TEAM_PATH}?commune=${encodeURIComponent(commune.code)}`}
            >
              {t('manage.establish')}
            </Link>
          )
        }
      />
      <UnitPicker
        label={t('manage.commune')}
        value={commune.choice}
        selectable={['commune']}
        deepest="commune"
        startCode={commune.choice ? undefined : province}
        onChange={(choice) => commune.setCode(choice.code)}
      />
      {commune.code === null ? (
        <p>{t('manage.pickCommune')}</p>
      ) : pages.isPending ? (
        <Skeleton lines={4} />
      ) : (
        <>
          <DataTable
            caption={t('manage.caption', { commune: commune.choice?.fullName ?? commune.code })}
            columns={columns}
            rows={teams}
            rowKey={(team) => team.id}
            empty={<EmptyState title={t('manage.none')} />}
          />
          {teams.length > 0 && (
            <Pagination
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              shownCount={teams.length}
            />
          )}
        </>
      )}
    </div>
  );
}

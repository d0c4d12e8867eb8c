import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../shared/contracts/accounts';
import { Card, Tag } from '../../../ui';
import { roleLabelKey, teamRoleLabelKey } from '../roles';

/** What the person may do and where: their grants (role at a unit) and the teams they belong to. */
export function RolesSummary({ me }: { me: MeResponse }) {
  const { t } = useTranslation('accounts');
  return (
    <Card title={t('profile.rolesTitle')}>
      {me.grants.length === 0 ? (
        <p>{t('profile.noRoles')}</p>
      ) : (
        <ul className="grant-list">
          {me.grants.map((grant) => (
            <li key={grant.id ?? `${grant.role}-${grant.unitCode}`}>
              <Tag tone="info">{t(roleLabelKey(grant.role))}</Tag>
              <span>{grant.unitName ?? grant.unitCode}</span>
            </li>
          ))}
        </ul>
      )}
      {me.teams.length > 0 && (
        <>
          <h3>{t('profile.teamsTitle')}</h3>
          <ul className="grant-list">
            {me.teams.map((team) => (
              <li key={team.teamId}>
                <Tag>{t(teamRoleLabelKey(team.role))}</Tag>
                <span>{team.teamName}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

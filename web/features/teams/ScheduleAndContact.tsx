import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/contracts/teams';
import { buttonClass } from '../../ui';
import { telHref } from './paths';

/**
 * The two facts every view of a team leads with — when it helps people, and the number to call — as entries of
 * the caller's <dl>. The team page makes the call its main action; a directory card keeps it secondary.
 */
export function ScheduleAndContact({ team, call }: { team: Team; call: 'primary' | 'secondary' }) {
  const { t } = useTranslation('teams');
  return (
    <>
      <div>
        <dt>{t('team.schedule')}</dt>
        <dd>{team.schedule ?? t('team.noSchedule')}</dd>
      </div>
      <div>
        <dt>{t('team.contact')}</dt>
        <dd>
          {team.contactPhone ? (
            <a className={buttonClass(call)} href={telHref(team.contactPhone)}>
              {t('team.call', { phone: team.contactPhone })}
            </a>
          ) : (
            t('team.noContact')
          )}
        </dd>
      </div>
    </>
  );
}

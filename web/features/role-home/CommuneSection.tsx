import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommuneGlance } from '../../../shared/contracts/home';
import type { Action } from '../../../shared/rules/permissions';
import { useSession } from '../../app/session';
import { MANAGE_PATH } from '../teams/paths';
import { reviewQueuePath } from './list-links';

/** One figure of the glance: the number, what it counts, and the list it comes from when the person may open it. */
function Figure({
  value,
  label,
  extra,
  to,
  action,
}: {
  value: number;
  label: string;
  extra?: ReactNode;
  to: string;
  action: Action;
}) {
  const { t } = useTranslation('role-home');
  const { can } = useSession();
  return (
    <li className="home-tile">
      <span className="home-figure">{value}</span>
      <span className="home-tile__label">{label}</span>
      {extra && <span className="muted">{extra}</span>}
      {can(action) && (
        <Link to={to} aria-label={`${t('commune.open')}: ${label}`}>
          {t('commune.open')}
        </Link>
      )}
    </li>
  );
}

/**
 * A commune officer's commune at a glance: teams, hamlets without a team, the review queue and teams quiet this
 * month, each linking into its list filtered to the commune (the review queue by `?unit=`, the teams and hamlets
 * lists by `?commune=`).
 */
export function CommuneSection({ communes }: { communes: CommuneGlance[] }) {
  const { t } = useTranslation('role-home');
  return (
    <>
      {communes.map((c) => {
        const commune = encodeURIComponent(c.communeCode);
        const titleId = `home-commune-${c.communeCode}`;
        return (
          <section key={c.communeCode} className="home-section" aria-labelledby={titleId}>
            <h2 id={titleId}>{t('commune.title', { name: c.communeName })}</h2>
            <ul className="home-tiles">
              <Figure
                value={c.pendingReview}
                label={t('commune.pendingReview')}
                to={reviewQueuePath({ unit: c.communeCode })}
                action="support.review"
              />
              <Figure
                value={c.teams}
                label={t('commune.teams')}
                to={`${MANAGE_PATH}?commune=${commune}`}
                action="teams.manage"
              />
              <Figure
                value={c.hamletsWithoutTeam}
                label={t('commune.hamletsWithoutTeam')}
                extra={t('commune.hamletsOf', { count: c.hamlets })}
                to={`/admin/hamlets?commune=${commune}`}
                action="hamlets.manage"
              />
              <Figure
                value={c.teamsWithoutRecords}
                label={t('commune.teamsWithoutRecords')}
                to={`${MANAGE_PATH}?commune=${commune}`}
                action="teams.manage"
              />
            </ul>
          </section>
        );
      })}
    </>
  );
}

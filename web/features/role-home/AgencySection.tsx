import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INBOX_PATH } from '../case-handling/paths';
import { DIRECTORY_PATH } from '../teams/paths';

/**
 * An agency handler's page. Their case work (citizens' reports routed to the agency) arrives with the reports
 * module; until then the page says so plainly and offers what they can do today — no invented queue.
 */
export function AgencySection() {
  const { t } = useTranslation('role-home');
  return (
    <section className="home-section" aria-labelledby="home-agency-title">
      <h2 id="home-agency-title">{t('agency.title')}</h2>
      <p className="reading">{t('agency.lead')}</p>
      <h3>{t('agency.todayTitle')}</h3>
      <ul className="home-links">
        <li>
          <Link to={`${INBOX_PATH}?box=agency`}>{t('case-handling:nav.inbox')}</Link>
        </li>
        <li>
          <Link to={DIRECTORY_PATH}>{t('agency.directory')}</Link>
        </li>
        <li>
          <Link to="/notifications">{t('agency.notifications')}</Link>
        </li>
        <li>
          <Link to="/profile">{t('agency.profile')}</Link>
        </li>
      </ul>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { EmptyState, PageHeader } from '../../../ui';
import { ADMIN_TOOLS } from '../routes';
import '../admin.css';

/** The administration tools this person may use, each with one line saying what it is for. */
export function AdminHomePage() {
  const { t } = useTranslation('admin');
  const { can } = useSession();
  const tools = ADMIN_TOOLS.filter((tool) => !tool.action || can(tool.action));
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description')} />
      {tools.length === 0 ? (
        <EmptyState title={t('home.empty')} />
      ) : (
        <ul className="card-grid">
          {tools.map((tool) => (
            <li key={tool.to} className="card admin-tool">
              <h2 className="card__title">
                <Link to={tool.to}>{t(tool.labelKey)}</Link>
              </h2>
              <p className="muted">{t(tool.descriptionKey)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { features, isNavItemVisible } from '../../../app/features';
import { useSession } from '../../../app/session';
import { EmptyState, PageHeader } from '../../../ui';
import '../admin.css';

/**
 * The administration tools this person may use, each with one line saying what it is for: every `area: 'admin'`
 * item any feature declares (calendar, privacy, …), so a new module's tool appears here without editing this page.
 */
export function AdminHomePage() {
  const { t } = useTranslation('admin');
  const { can, roles } = useSession();
  const tools = features.navItems.filter(
    (item) => item.area === 'admin' && isNavItemVisible(item, { signedIn: true, can, roles }),
  );
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
              {tool.descriptionKey && <p className="muted">{t(tool.descriptionKey)}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

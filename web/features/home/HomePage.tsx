import './home.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, buttonClass, Card } from '../../ui';
import { featureCatalogue } from '../../app/feature-catalogue';
import { isNavItemVisible, namespacesOfItems, type NavItem } from '../../app/feature-collection';
import { SIGN_IN_PATH, useSession } from '../../app/session';
import { HELP_PATH } from '../help-requests/paths';

const SKILLS = ['publicServices', 'shopping', 'payments', 'safety', 'localPlatforms'] as const;

/** Nav items with their names, once their features' messages are loaded (asked for here, without suspending). */
function useNamed(items: NavItem[]) {
  const { t, ready } = useTranslation(namespacesOfItems(items), { useSuspense: false });
  return { items, ready, label: (item: NavItem) => t(item.labelKey) };
}

/**
 * The public front door: what the teams do (the five basic digital skills), how to get help, and the public
 * services other features add (listed from their nav items, so it never links to a page that does not exist).
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const visible = featureCatalogue().navItems.filter(
    (item) => item.to !== '/' && isNavItemVisible(item, { signedIn, can: session.can }),
  );
  // The items' names are their features' messages, loaded as they are needed: a list shows once its names are
  // there (the public services' are loaded with the page; a signed-in member's daily work arrives after the first
  // paint, and until then the hero keeps the public services).
  const services = useNamed(visible.filter((item) => item.area === 'public'));
  const staff = useNamed(visible.filter((item) => item.area === 'staff'));
  // The hero's buttons: a signed-in member's daily work (e.g. logging support) first, else the public services.
  const shortcuts = signedIn && staff.items.length > 0 && staff.ready ? staff : services;

  useEffect(() => {
    document.title = t('app:productName');
  }, [t]);

  return (
    <div className="home">
      <section className="home-hero" aria-labelledby="home-title">
        <p className="home-hero__eyebrow">{t('hero.eyebrow')}</p>
        <h1 id="home-title">{t('hero.title')}</h1>
        <p className="home-hero__lead">{t('hero.lead')}</p>
        {signedIn && session.me && (
          <p className="home-hero__welcome">{t('hero.welcome', { name: session.me.user.name })}</p>
        )}
        {shortcuts.ready && shortcuts.items.length > 0 && (
          <div className="cluster">
            {shortcuts.items.slice(0, 2).map((item) => (
              <Link
                key={item.to}
                to={item.to}
                reloadDocument={item.reloadDocument}
                className={buttonClass('primary')}
              >
                {shortcuts.label(item)}
              </Link>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="skills-title">
        <h2 id="skills-title">{t('skills.title')}</h2>
        <p>{t('skills.intro')}</p>
        <ol className="card-grid skill-list">
          {SKILLS.map((skill, index) => (
            <li key={skill} className="card skill">
              <span className="skill__number" aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(`skills.${skill}.title`)}</h3>
              <p>{t(`skills.${skill}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="help-title">
        <h2 id="help-title">{t('help.title')}</h2>
        <ol className="help-steps">
          <li>{t('help.step1')}</li>
          <li>{t('help.step2')}</li>
          <li>{t('help.step3')}</li>
        </ol>
        <p>
          <Link to={HELP_PATH} className={buttonClass('secondary')}>
            {t('help.ask')}
          </Link>
        </p>
        <Alert tone="warning" title={t('help.safetyTitle')}>
          <p>{t('help.safetyBody')}</p>
        </Alert>
      </section>

      {services.ready && services.items.length > 0 && (
        <section aria-labelledby="services-title">
          <h2 id="services-title">{t('services.title')}</h2>
          <ul className="card-grid">
            {services.items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} reloadDocument={item.reloadDocument} className="service-link">
                  {services.label(item)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Card title={t('members.title')}>
        {signedIn ? (
          <>
            <p>{t('members.signedIn')}</p>
            <Link to="/profile" className={buttonClass('secondary')}>
              {t('members.profile')}
            </Link>
          </>
        ) : (
          <>
            <p>{t('members.body')}</p>
            <Link to={SIGN_IN_PATH} className={buttonClass('primary')}>
              {t('members.signIn')}
            </Link>
          </>
        )}
      </Card>
    </div>
  );
}

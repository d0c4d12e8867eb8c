import './home.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, buttonClass, Card } from '../../ui';
import { features, isNavItemVisible } from '../../app/features';
import { SIGN_IN_PATH, useSession } from '../../app/session';

const SKILLS = ['publicServices', 'shopping', 'payments', 'safety', 'localPlatforms'] as const;

/**
 * The public front door: what the teams do (the five basic digital skills), how to get help, and the public
 * services other features add (listed from their nav items, so it never links to a page that does not exist).
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const visible = features.navItems.filter(
    (item) => item.to !== '/' && isNavItemVisible(item, { signedIn, can: session.can }),
  );
  const services = visible.filter((item) => item.area === 'public');
  // The hero's buttons: a signed-in member's daily work (e.g. logging support) first, else the public services.
  const staff = visible.filter((item) => item.area === 'staff');
  const shortcuts = (signedIn && staff.length > 0 ? staff : services).slice(0, 2);

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
        {shortcuts.length > 0 && (
          <div className="cluster">
            {shortcuts.map((item) => (
              <Link key={item.to} to={item.to} reloadDocument={item.reloadDocument} className={buttonClass('primary')}>
                {t(item.labelKey)}
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
        <Alert tone="warning" title={t('help.safetyTitle')}>
          <p>{t('help.safetyBody')}</p>
        </Alert>
      </section>

      {services.length > 0 && (
        <section aria-labelledby="services-title">
          <h2 id="services-title">{t('services.title')}</h2>
          <ul className="card-grid">
            {services.map((item) => (
              <li key={item.to}>
                <Link to={item.to} reloadDocument={item.reloadDocument} className="service-link">
                  {t(item.labelKey)}
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

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function SiteFooter() {
  const { t } = useTranslation('app');
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{t('productName')}</strong> — {t('footer.about')}
        </p>
        <ul className="site-footer__links" aria-label={t('footer.linksLabel')}>
          <li>
            <Link to="/">{t('footer.home')}</Link>
          </li>
          <li>
            <Link to="/privacy">{t('footer.privacy')}</Link>
          </li>
          <li>
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}

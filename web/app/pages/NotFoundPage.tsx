import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass, PageHeader } from '../../ui';

export function NotFoundPage() {
  const { t } = useTranslation('app');
  return (
    <div className="reading">
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <Link to="/" className={buttonClass('primary')}>
        {t('notFound.home')}
      </Link>
    </div>
  );
}

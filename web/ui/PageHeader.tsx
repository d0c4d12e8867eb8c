import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1, its description and actions; it also names the browser tab, so screen-reader users hear
 * where a navigation took them.
 */
export function PageHeader({
  title,
  description,
  actions,
  documentTitle,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Tab title when `title` is not plain text. */
  documentTitle?: string;
}) {
  const { t } = useTranslation('app');
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : null);
  const product = t('productName');
  useEffect(() => {
    document.title = tabTitle ? `${tabTitle} · ${product}` : product;
  }, [tabTitle, product]);
  return (
    <header className="page-header">
      <div className="page-header__row">
        <h1>{title}</h1>
        {actions && <div className="cluster">{actions}</div>}
      </div>
      {description && <p className="page-header__description">{description}</p>}
    </header>
  );
}

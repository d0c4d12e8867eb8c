import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, PageHeader } from '../../ui';
import { NotFoundPage } from './NotFoundPage';

/** A lazy page's code that no longer exists (after an update) or never arrived (weak signal). */
function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(
    message,
  );
}

/**
 * What a route shows when it throws. Inside the layout it replaces only the page; at the top level (`standalone`)
 * it brings its own landmark.
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation('app');
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return standalone ? (
      <main id="main-content" className="main">
        <NotFoundPage />
      </main>
    ) : (
      <NotFoundPage />
    );
  }
  const chunk = isChunkLoadError(error);
  const content = (
    <div className="reading">
      <PageHeader title={chunk ? t('error.chunkTitle') : t('error.title')} />
      <p>{chunk ? t('error.chunkBody') : t('error.body')}</p>
      <div className="cluster">
        <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
        <a href="/" className="btn btn--secondary">
          {t('error.home')}
        </a>
      </div>
    </div>
  );
  return standalone ? (
    <main id="main-content" className="main">
      {content}
    </main>
  ) : (
    content
  );
}

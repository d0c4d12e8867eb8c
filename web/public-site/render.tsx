import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { provideFeatureCatalogue } from '../app/feature-catalogue';
import { loadMessages } from '../app/message-loading';
import { publicCatalogue } from './catalogue';
import { createPublicI18n } from './i18n';
import { seedPageData, type PageData } from './page-data';
import { createPublicQueryClient, PublicProviders } from './PublicApp';
import { publicRoutes } from './routes';

/**
 * Renders one public page to HTML, in Vietnamese, signed out: at build time with no data (the prerendered pages),
 * and on the server per request with the page's data (a team's page; page-data.ts). It is what the browser hydrates
 * (web/public-site/main.tsx seeds the same data and renders the same first frame). `hydrate={false}`: React Router
 * would otherwise add an inline script, which the CSP forbids; the public routes have no loaders, so there is
 * nothing to hand over.
 */
export async function renderPublicPage(pathname: string, data: PageData = {}): Promise<string> {
  provideFeatureCatalogue(publicCatalogue);
  const i18n = await createPublicI18n('vi');
  // The matched page's lazy route loads its code and its messages before the render.
  const handler = createStaticHandler(publicRoutes((namespaces) => loadMessages(i18n, namespaces)));
  const context = await handler.query(new Request(new URL(pathname, 'http://prerender.invalid')));
  if (context instanceof Response) throw new Error(`${pathname} is not a public page (it redirects)`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = createPublicQueryClient();
  seedPageData(queryClient, pathname, data);
  return renderToString(
    <StrictMode>
      <PublicProviders i18n={i18n} queryClient={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </PublicProviders>
    </StrictMode>,
  );
}

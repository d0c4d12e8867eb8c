import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createPublicI18n } from './i18n';
import { createPublicQueryClient, PublicProviders } from './PublicApp';
import { publicRoutes } from './routes';

/**
 * Renders one public page to HTML at build time, in Vietnamese, signed out, with no data loaded: what the browser
 * hydrates (web/public-site/main.tsx renders the same first frame). `hydrate={false}`: React Router would otherwise
 * add an inline script, which the CSP forbids; the public routes have no loaders, so there is nothing to hand over.
 */
export async function renderPublicPage(pathname: string): Promise<string> {
  const handler = createStaticHandler(publicRoutes());
  const context = await handler.query(new Request(new URL(pathname, 'http://prerender.invalid')));
  if (context instanceof Response) throw new Error(`${pathname} is not a public page (it redirects)`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <StrictMode>
      <PublicProviders i18n={createPublicI18n('vi')} queryClient={createPublicQueryClient()}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </PublicProviders>
    </StrictMode>,
  );
}

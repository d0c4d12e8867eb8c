import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import '../ui/tokens.css';
import '../ui/base.css';
import '../ui/controls.css';
import '../ui/components.css';
import '../app/app.css';
import '../app/header.css';
import './public-site.css';
import { DEFAULT_LANGUAGE, readStoredLanguage } from '../app/language';
import { loadMessages } from '../app/message-loading';
import { createPublicI18n } from './i18n';
import { provideFeatureCatalogue } from '../app/feature-catalogue';
import { ME_QUERY_KEY } from '../app/session';
import { publicCatalogue } from './catalogue';
import { readPageData, seedPageData } from './page-data';
import { createPublicQueryClient, PublicProviders } from './PublicApp';
import { publicRoutes } from './routes';

/**
 * The public document (public.html): the page is already on screen from the prerendered HTML; this makes it
 * interactive. The matched page's code is loaded first, so the first client render is the prerendered one and
 * React adopts the HTML instead of replacing it.
 */
async function loadMatchedPages(routes: RouteObject[]): Promise<void> {
  for (const { route } of matchRoutes(routes, window.location) ?? []) {
    if (typeof route.lazy !== 'function') continue;
    const loaded = await route.lazy();
    Object.assign(route, loaded);
    delete route.lazy;
  }
}

/**
 * The server renders what an anonymous visitor may see; a signed-in member or officer may see more (the team's
 * figures, its management), so once /api/v1/me says someone is signed in the seeded queries are read again.
 */
function refreshWhenSignedIn(queryClient: QueryClient, keys: QueryKey[]): void {
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryKey[0] !== ME_QUERY_KEY[0] || event.query.state.status === 'pending') return;
    unsubscribe();
    if (event.query.state.data) for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  });
}

async function start(): Promise<void> {
  provideFeatureCatalogue(publicCatalogue);
  // Only the reader's language is fetched: the frame's messages, then the page's with its code.
  const language = readStoredLanguage();
  const ready = createPublicI18n(language);
  const routes = publicRoutes(async (namespaces) => loadMessages(await ready, namespaces));
  await loadMatchedPages(routes);
  const i18n = await ready;
  const router = createBrowserRouter(routes, { hydrationData: { loaderData: {} } });
  const container = document.getElementById('root');
  if (!container) throw new Error('public.html has no #root element');
  const queryClient = createPublicQueryClient();
  // The data the server rendered the page with: the first render is the server's, and nothing is fetched for it.
  const seeded = seedPageData(queryClient, window.location.pathname, readPageData(document));
  if (seeded.length > 0) refreshWhenSignedIn(queryClient, seeded);
  const app = (
    <StrictMode>
      <PublicProviders i18n={i18n} queryClient={queryClient}>
        <RouterProvider router={router} />
      </PublicProviders>
    </StrictMode>
  );
  // The HTML is Vietnamese: React adopts it as it is; a reader who chose English gets the page rendered afresh in
  // English instead (hydrating would need the Vietnamese messages only to replace them).
  if (language === DEFAULT_LANGUAGE) hydrateRoot(container, app);
  else createRoot(container).render(app);
  // The service worker (the offline shell of every document) registers once the page has loaded.
  const register = () =>
    void import('../offline/register-sw').then(({ registerServiceWorker }) => registerServiceWorker());
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

void start();

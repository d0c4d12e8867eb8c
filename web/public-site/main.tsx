import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import '../ui/tokens.css';
import '../ui/base.css';
import '../ui/controls.css';
import '../ui/components.css';
import '../app/app.css';
import '../app/header.css';
import './public-site.css';
import { DEFAULT_LANGUAGE, readStoredLanguage, switchLanguage } from '../app/language';
import { createPublicI18n } from './i18n';
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

async function start(): Promise<void> {
  const routes = publicRoutes();
  await loadMatchedPages(routes);
  const router = createBrowserRouter(routes, { hydrationData: { loaderData: {} } });
  // Hydrate in the language the HTML was prerendered in, then switch to the reader's own choice.
  const i18n = createPublicI18n(DEFAULT_LANGUAGE);
  const container = document.getElementById('root');
  if (!container) throw new Error('public.html has no #root element');
  hydrateRoot(
    container,
    <StrictMode>
      <PublicProviders i18n={i18n} queryClient={createPublicQueryClient()}>
        <RouterProvider router={router} />
      </PublicProviders>
    </StrictMode>,
  );
  const chosen = readStoredLanguage();
  if (chosen !== DEFAULT_LANGUAGE) await switchLanguage(i18n, chosen);
  // The service worker (the offline shell of every document) registers once the page has loaded.
  const register = () =>
    void import('../offline/register-sw').then(({ registerServiceWorker }) => registerServiceWorker());
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

void start();

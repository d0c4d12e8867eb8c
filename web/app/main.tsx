import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import '../ui/tokens.css';
import '../ui/base.css';
import '../ui/controls.css';
import '../ui/components.css';
import './app.css';
import './header.css';
import { i18nReady } from './i18n';
import { BackgroundOutboxSync } from '../offline/BackgroundOutboxSync';
import { registerServiceWorker } from '../offline/register-sw';
import { AppProviders } from './providers';
import { createAppRouter } from './router';

// The router starts loading the matched page (its code and messages) at once; the shell's messages load meanwhile.
const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

async function start(root: HTMLElement): Promise<void> {
  await i18nReady;
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <Suspense fallback={null}>
          <RouterProvider router={router} />
        </Suspense>
        <BackgroundOutboxSync />
      </AppProviders>
    </StrictMode>,
  );
}

void start(container);

void registerServiceWorker();

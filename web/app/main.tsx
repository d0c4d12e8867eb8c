import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
// Only the Vietnamese and Latin subsets, in the three weights the design uses: the rest is never downloaded.
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '../ui/tokens.css';
import '../ui/base.css';
import '../ui/controls.css';
import '../ui/components.css';
import './app.css';
import './header.css';
import './i18n';
import { BackgroundOutboxSync } from '../offline/BackgroundOutboxSync';
import { registerServiceWorker } from '../offline/register-sw';
import { AppProviders } from './providers';
import { createAppRouter } from './router';

const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
      <BackgroundOutboxSync />
    </AppProviders>
  </StrictMode>,
);

void registerServiceWorker();

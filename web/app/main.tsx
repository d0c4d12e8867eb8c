import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
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

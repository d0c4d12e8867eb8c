import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../ui/tokens.css';
import '../ui/base.css';
import '../ui/controls.css';
import '../ui/components.css';
import '../app/app.css';
import '../app/header.css';
import './capture.css';
import { registerServiceWorker } from '../offline/register-sw';
import { createCaptureI18n } from './capture-i18n';
import { CaptureApp } from './CaptureApp';
import { UpdateBar } from './UpdateBar';

/** The capture page's entry (capture.html): kept apart from the app's so its first download stays small. */
const container = document.getElementById('root');
if (!container) throw new Error('capture.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={createCaptureI18n()}>
      <CaptureApp statusBar={<UpdateBar />} />
    </I18nextProvider>
  </StrictMode>,
);

void registerServiceWorker();

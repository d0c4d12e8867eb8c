import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createCaptureI18n, type Language } from './capture-i18n';
import { CaptureApp } from './CaptureApp';

/** Test support: the standalone capture page at `path` (e.g. "/capture#outbox"), as capture.html renders it. */
export function renderCapture(path: string, language: Language = 'vi') {
  window.history.replaceState(null, '', path);
  const i18n = createCaptureI18n(language);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <CaptureApp />
    </I18nextProvider>,
  );
  return { ...view, i18n };
}

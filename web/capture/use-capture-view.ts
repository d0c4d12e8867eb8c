import { useCallback, useEffect, useState } from 'react';
import { CAPTURE_PATH, OUTBOX_PATH, readCaptureView, type CaptureView } from '../features/support/paths';

/** Names a view, so the page moves focus only when the view really changes. */
function viewKey(view: CaptureView): string {
  return view.name === 'outbox' ? 'outbox' : `form:${view.editId ?? ''}:${view.prefill?.helpRequestId ?? ''}`;
}

/** Whether a click on this link stays in the capture page: a plain left click on a same-origin /capture link. */
function captureLinkOf(event: MouseEvent): URL | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname !== CAPTURE_PATH) return null;
  return url;
}

/**
 * Hash-based views without a router: `/capture` is the form, `/capture#outbox` the outbox, `/capture#edit=<id>`
 * fixes a refused record. Links to /capture are taken over so changing view never reloads the document; every
 * other link (the app's pages, sign-in) is an ordinary page load.
 */
export function useCaptureView(): { view: CaptureView; key: string; go: (href: string) => void } {
  const [view, setView] = useState<CaptureView>(() => readCaptureView(window.location));

  const go = useCallback((href: string) => {
    window.history.pushState(null, '', href);
    setView(readCaptureView(window.location));
  }, []);

  useEffect(() => {
    // The old outbox address keeps working, under its new name.
    if (
      window.location.pathname.startsWith(`${CAPTURE_PATH}/`) &&
      readCaptureView(window.location).name === 'outbox'
    )
      window.history.replaceState(null, '', OUTBOX_PATH);
    const onChange = () => setView(readCaptureView(window.location));
    const onClick = (event: MouseEvent) => {
      const url = captureLinkOf(event);
      if (!url) return;
      event.preventDefault();
      go(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener('popstate', onChange);
    window.addEventListener('hashchange', onChange);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener('hashchange', onChange);
      document.removeEventListener('click', onClick);
    };
  }, [go]);

  return { view, key: viewKey(view), go };
}

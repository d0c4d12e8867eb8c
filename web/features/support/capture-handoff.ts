import { redirectDocument, type LoaderFunctionArgs } from 'react-router';
import { CAPTURE_PATH, OUTBOX_PATH } from './paths';

/** The capture page's own address for an app address under /capture (the old /capture/outbox is the outbox). */
export function captureDocumentFor(pathname: string): string {
  return pathname.replace(/\/+$/, '') === `${CAPTURE_PATH}/outbox` ? OUTBOX_PATH : CAPTURE_PATH;
}

/**
 * The capture page is its own document (capture.html), not a screen of the app. When the app is asked for it
 * anyway (the sign-in page's `next`, an old bookmark opened offline), it hands over with a page load. Should this
 * very document already be at that address (a build without capture.html), loading it again would loop, so the
 * app says "not found" instead.
 */
export function handOffToCapturePage({ request }: LoaderFunctionArgs): Response {
  const target = captureDocumentFor(new URL(request.url).pathname);
  if (new URL(target, window.location.href).pathname === window.location.pathname) {
    throw new Response(null, { status: 404 });
  }
  return redirectDocument(target);
}

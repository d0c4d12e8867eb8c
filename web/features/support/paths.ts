/** The field support log's addresses (kept in one place: links, redirects and the e2e journey use them). */
export const CAPTURE_PATH = '/capture';
/**
 * The capture page is its own small document (capture.html); its views are fragments of that one address, so a
 * cold offline start finds every view in the service worker's precache.
 */
export const OUTBOX_PATH = '/capture#outbox';
export const MY_RECORDS_PATH = '/support/mine';
export const REVIEW_PATH = '/support/review';
export const RECORDS_PATH = '/support/records';
/** Sign in through the app, then come back to the capture page. */
export const CAPTURE_SIGN_IN_PATH = `/sign-in?next=${encodeURIComponent(CAPTURE_PATH)}`;

/** "Edit and resend" of a refused record, a view of the capture page. */
export function editRecordPath(id: string): string {
  return `${CAPTURE_PATH}#edit=${encodeURIComponent(id)}`;
}

export type CaptureView = { name: 'form'; editId: string | null } | { name: 'outbox' };

/**
 * The capture page's view from its address: `#outbox`, `#edit=<id>`, or the form. The old `/capture/outbox`
 * address (bookmarks from before the page had its own document) still opens the outbox.
 */
export function readCaptureView(location: { pathname: string; hash: string }): CaptureView {
  const hash = location.hash.replace(/^#/, '');
  if (hash === 'outbox' || location.pathname.replace(/\/+$/, '') === `${CAPTURE_PATH}/outbox`) {
    return { name: 'outbox' };
  }
  if (hash.startsWith('edit=')) {
    let id = '';
    try {
      id = decodeURIComponent(hash.slice('edit='.length));
    } catch {
      // A mangled address opens the plain form rather than failing.
    }
    return { name: 'form', editId: id || null };
  }
  return { name: 'form', editId: null };
}

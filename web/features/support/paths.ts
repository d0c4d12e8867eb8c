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

/**
 * A record started from a help request (issue 11): the request it completes, and its team, hamlet and service as
 * the form's first choices. Carried in the address (`#help=<id>&team=…&hamlet=…&service=…`), so the capture page
 * opens prefilled offline too, and the record keeps helpRequestId in the outbox until it is synced.
 */
export interface CapturePrefill {
  helpRequestId: string;
  teamId: string | null;
  hamletId: string | null;
  serviceCode: string | null;
}

export type CaptureView =
  { name: 'form'; editId: string | null; prefill?: CapturePrefill } | { name: 'outbox' };

/** The capture page's address for recording the help a request asked for. */
export function captureForHelpRequestPath(prefill: CapturePrefill): string {
  const params = new URLSearchParams({ help: prefill.helpRequestId });
  if (prefill.teamId) params.set('team', prefill.teamId);
  if (prefill.hamletId) params.set('hamlet', prefill.hamletId);
  if (prefill.serviceCode) params.set('service', prefill.serviceCode);
  return `${CAPTURE_PATH}#${params.toString()}`;
}

function readPrefill(hash: string): CapturePrefill | null {
  const params = new URLSearchParams(hash);
  const helpRequestId = params.get('help')?.trim() ?? '';
  if (!helpRequestId || helpRequestId.length > 64) return null;
  const pick = (key: string) => params.get(key)?.trim() || null;
  return { helpRequestId, teamId: pick('team'), hamletId: pick('hamlet'), serviceCode: pick('service') };
}

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
  const prefill = hash.startsWith('help=') ? readPrefill(hash) : null;
  if (prefill) return { name: 'form', editId: null, prefill };
  return { name: 'form', editId: null };
}

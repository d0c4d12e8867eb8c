import { ApiError, apiFetch, getCsrfToken } from '../app/api';
import { getOfflineDatabase } from './offline-db';
import type { SupportRecordBody, SyncResult } from './support-record-types';
import { createSyncLoop, type SyncLoop } from './sync-loop';

interface SyncResponse {
  results: SyncResult[];
}

function postBatch(records: SupportRecordBody[]): Promise<SyncResponse> {
  return apiFetch<SyncResponse>('/api/v1/sync', { method: 'POST', body: { records } });
}

/** GET /api/v1/me hands out the CSRF token; a 401 here means the session is gone and ends the run as signed out. */
async function refreshCsrfToken(): Promise<void> {
  await apiFetch('/api/v1/me');
}

/**
 * Sends one batch with the session cookie. A page opened offline has no CSRF token in memory yet, and one kept
 * from before a re-sign-in is stale: fetch a fresh one first, and once more after a CSRF refusal.
 */
export async function sendSyncBatch(records: SupportRecordBody[]): Promise<SyncResponse> {
  if (!getCsrfToken()) await refreshCsrfToken();
  try {
    return await postBatch(records);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 403) throw err;
    await refreshCsrfToken();
    return postBatch(records);
  }
}

let loop: SyncLoop | null = null;

/** The app's one sync loop over the device outbox. */
export function getSyncLoop(): SyncLoop {
  loop ??= createSyncLoop({ db: getOfflineDatabase(), send: sendSyncBatch });
  return loop;
}

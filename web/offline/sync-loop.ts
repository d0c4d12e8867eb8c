import type { OfflineDatabase } from './offline-db';
import { syncOutbox, type SendBatch, type SyncOutcome } from './sync';

export interface SyncStatus {
  syncing: boolean;
  online: boolean;
  /** Set after a 401: the outbox is kept and sending resumes once the member has signed in again. */
  needsSignIn: boolean;
  lastOutcome: SyncOutcome | null;
  lastFinishedAt: string | null;
}

export interface SyncLoop {
  getStatus(): SyncStatus;
  subscribe(listener: () => void): () => void;
  /** Sends now if there is a signed-in account and a connection; concurrent calls share one run. */
  syncNow(): Promise<SyncOutcome | null>;
  /** Tells the loop who is signed in (null when nobody is); a new account clears the sign-in prompt. */
  setUser(userId: string | null): void;
  /** Listens for connection and visibility changes while at least one caller holds it; returns the release. */
  retain(): () => void;
}

const LOCK_NAME = 'cong-dong-so-outbox-sync';

/**
 * The automatic sync: runs when the connection returns, when the page becomes visible, on a timer while the
 * app is open, and on demand (the sync button, right after a capture). One run at a time per tab and, where the
 * Web Locks API exists, per device; the server's idempotency covers any overlap that slips through.
 */
export function createSyncLoop(opts: {
  db: OfflineDatabase;
  send: SendBatch;
  intervalMs?: number;
  isOnline?: () => boolean;
}): SyncLoop {
  const isOnline = opts.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const listeners = new Set<() => void>();
  let userId: string | null = null;
  let running: Promise<SyncOutcome | null> | null = null;
  let holders = 0;
  let stopListening: (() => void) | null = null;
  let status: SyncStatus = {
    syncing: false,
    online: isOnline(),
    needsSignIn: false,
    lastOutcome: null,
    lastFinishedAt: null,
  };

  function update(patch: Partial<SyncStatus>) {
    status = { ...status, ...patch };
    for (const listener of listeners) listener();
  }

  async function runOnce(forUser: string): Promise<SyncOutcome> {
    const run = () => syncOutbox({ db: opts.db, userId: forUser, send: opts.send });
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(LOCK_NAME, run) : run();
  }

  function syncNow(): Promise<SyncOutcome | null> {
    if (running) return running;
    const online = isOnline();
    if (online !== status.online) update({ online });
    if (!userId || !online) return Promise.resolve(null);
    const forUser = userId;
    update({ syncing: true });
    running = runOnce(forUser)
      .then((outcome) => {
        update({
          syncing: false,
          lastOutcome: outcome,
          lastFinishedAt: new Date().toISOString(),
          needsSignIn: outcome.stoppedBy === 'signedOut',
        });
        return outcome;
      })
      .catch((err: unknown) => {
        // IndexedDB itself failed (quota, private mode): nothing was removed, so report and let the next run retry.
        console.error('outbox sync failed', err);
        update({ syncing: false });
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow,
    setUser(next) {
      if (next === userId) return;
      userId = next;
      if (next) update({ needsSignIn: false });
    },
    retain() {
      holders++;
      if (holders === 1) stopListening = listen();
      else void syncNow();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) {
          stopListening?.();
          stopListening = null;
        }
      };
    },
  };

  function listen(): () => void {
    const onOnline = () => {
      update({ online: true });
      void syncNow();
    };
    const onOffline = () => update({ online: false });
    const onVisible = () => {
      if (document.visibilityState === 'visible') void syncNow();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(() => void syncNow(), opts.intervalMs ?? 60_000);
    void syncNow();
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }
}

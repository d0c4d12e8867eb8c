import { liveQuery } from 'dexie';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getOfflineDatabase, type OutboxEntry, type SentEntry } from './offline-db';
import { listOutbox, listSent } from './outbox';
import { getSyncLoop } from './outbox-sync';
import type { SyncStatus } from './sync-loop';

/** Re-runs an IndexedDB query whenever the tables it read change, in this tab or another. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => console.error('offline store query failed', err),
    });
    return () => subscription.unsubscribe();
  }, deps); // The caller lists what the query depends on, as with useEffect.
  return value;
}

/** The account's unsent records (waiting and refused), live. `null` while the first read is under way. */
export function useOutboxEntries(userId: string | null): OutboxEntry[] | null {
  return useLiveQuery<OutboxEntry[] | null>(
    () => (userId ? listOutbox(getOfflineDatabase(), userId) : Promise.resolve([])),
    [userId],
    null,
  );
}

export function useSentEntries(userId: string | null): SentEntry[] | null {
  return useLiveQuery<SentEntry[] | null>(
    () => (userId ? listSent(getOfflineDatabase(), userId) : Promise.resolve([])),
    [userId],
    null,
  );
}

export function useSyncStatus(): SyncStatus {
  const loop = getSyncLoop();
  return useSyncExternalStore(loop.subscribe, loop.getStatus, loop.getStatus);
}

/**
 * Keeps the automatic sync running while the component is mounted, for `userId` (the signed-in account; null
 * when nobody is signed in, which pauses sending but never touches the outbox). `sessionKey` changes when the
 * session does (e.g. after signing in again), which triggers an immediate run.
 */
export function useBackgroundSync(userId: string | null, sessionKey: unknown): void {
  useEffect(() => getSyncLoop().retain(), []);
  useEffect(() => {
    const loop = getSyncLoop();
    loop.setUser(userId);
    if (userId) void loop.syncNow();
  }, [userId, sessionKey]);
}

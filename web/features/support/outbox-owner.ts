import { CACHE_KEYS, readCached } from '../../offline/offline-cache';
import { getOfflineDatabase } from '../../offline/offline-db';
import { useLiveQuery } from '../../offline/use-outbox';
import type { CachedProfile } from './capture-context';
import type { CaptureSession } from './capture-session';

/** Whose outbox this device shows: the signed-in account, or the last one when the server cannot be asked. */
export function useOutboxOwner({ me, status }: CaptureSession): {
  userId: string | null;
  signedOut: boolean;
} {
  const saved = useLiveQuery<CachedProfile | null>(
    () => readCached<CachedProfile>(getOfflineDatabase(), CACHE_KEYS.profile),
    [],
    null,
  );
  return { userId: me?.user.id ?? saved?.userId ?? null, signedOut: status === 'signedOut' };
}

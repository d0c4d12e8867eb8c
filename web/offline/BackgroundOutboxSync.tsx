import { useEffect } from 'react';
import { useSession } from '../app/session';

/**
 * Keeps the device outbox syncing from any page of the app, not only from the capture page: a member who recorded
 * supports offline and then browses the app sends them as soon as there is a connection. The sync code (and Dexie)
 * is fetched after the first render, and only for a signed-in account that may capture, so the app's first
 * download does not grow.
 */
export function BackgroundOutboxSync() {
  const { me } = useSession();
  const userId = me && me.actions.includes('support.capture') ? me.user.id : null;

  useEffect(() => {
    if (!userId) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./outbox-sync').then(({ getSyncLoop }) => {
      if (cancelled) return;
      const loop = getSyncLoop();
      loop.setUser(userId);
      const release = loop.retain();
      // Signed out or another account: this account's records are no longer sent from here.
      stop = () => {
        release();
        loop.setUser(null);
      };
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [userId]);

  return null;
}

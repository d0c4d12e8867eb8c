import { useCallback, useSyncExternalStore } from 'react';

/** True while the media query matches; re-renders when it changes (e.g. rotating a phone). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const read = () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false);
  return useSyncExternalStore(subscribe, read, () => false);
}

/** Below this width tables become lists of cards. */
export const NARROW_QUERY = '(max-width: 639.98px)';

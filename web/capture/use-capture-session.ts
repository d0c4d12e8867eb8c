import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeResponse } from '../../shared/contracts/accounts';
import { ApiError, apiFetch, setCsrfToken } from '../app/api';
import type { CaptureSession } from '../features/support/capture-session';

/** GET /api/v1/me; 401 means "signed out" (the CSRF token of a dead session is dropped with it). */
export async function fetchCaptureMe(): Promise<MeResponse | null> {
  try {
    return await apiFetch<MeResponse>('/api/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/**
 * The capture page's session, without the app's query cache: /me once at start, and again when the connection
 * returns while the account is not confirmed yet (a cold offline start), so sending can begin.
 */
export function useCaptureSession(): CaptureSession {
  const [session, setSession] = useState<CaptureSession>({ me: null, status: 'loading' });
  const status = useRef(session.status);
  status.current = session.status;

  const load = useCallback(async () => {
    try {
      const me = await fetchCaptureMe();
      setSession(me ? { me, status: 'signedIn' } : { me: null, status: 'signedOut' });
    } catch {
      // No answer: keep a confirmed account (a blip), otherwise say the server cannot be reached.
      setSession((previous) => (previous.me ? previous : { me: null, status: 'unreachable' }));
    }
  }, []);

  useEffect(() => {
    void load();
    const onOnline = () => {
      if (status.current !== 'signedIn') void load();
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [load]);

  return session;
}

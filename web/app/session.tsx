import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginBody, MeResponse, User } from '../../shared/contracts/accounts';
import type { Action, Role } from '../../shared/rules/permissions';
import { ApiError, apiFetch, setCsrfToken } from './api';

/**
 * Who is signed in, from GET /api/v1/me. The server decides permissions; `can(action)` only reads the `actions` it
 * returned, to decide what to show.
 */

export const ME_QUERY_KEY = ['session', 'me'] as const;
export const SIGN_IN_PATH = '/sign-in';
const LAST_ACTIONS_KEY = 'cds.lastActions';
const LAST_ROLES_KEY = 'cds.lastRoles';
/** Where a signed-in person lands: their role home (the public home stays at `/`). */
export const ROLE_HOME_PATH = '/home';

/**
 * The actions of the last /me seen on this device. A phone that starts with no connection cannot ask the server, yet
 * a team member must still find the offline capture page; only these display hints are kept (the server still checks
 * every request), and they are forgotten on sign-out or when the server says the session ended.
 */
function rememberActions(me: Pick<MeResponse, 'actions' | 'grants'> | null): void {
  try {
    if (me) {
      window.localStorage.setItem(LAST_ACTIONS_KEY, JSON.stringify(me.actions));
      window.localStorage.setItem(LAST_ROLES_KEY, JSON.stringify(rolesOf(me)));
    } else {
      window.localStorage.removeItem(LAST_ACTIONS_KEY);
      window.localStorage.removeItem(LAST_ROLES_KEY);
    }
  } catch {
    // Storage refused (private browsing): offline starts then show only public navigation.
  }
}

function readLast<T extends string>(key: string): T[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((a): a is T => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

const readLastActions = () => readLast<Action>(LAST_ACTIONS_KEY);

/** The roles of the person's grants, each once (navigation items may be meant for some roles only). */
function rolesOf(me: Pick<MeResponse, 'grants'>): Role[] {
  return [...new Set(me.grants.map((g) => g.role))];
}

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'unreachable';

export interface SessionValue {
  me: MeResponse | null;
  status: SessionStatus;
  /** From /me's `actions`; while the server is unreachable, from the last /me seen on this device. */
  can: (action: Action) => boolean;
  /** The roles of /me's grants; while the server is unreachable, those of the last /me seen on this device. */
  roles: readonly Role[];
  /** By e-mail or by phone number (the sign-in page's one field decides which). */
  signIn: (identifier: { email: string } | { phone: string }, password: string) => Promise<MeResponse>;
  signOut: () => Promise<void>;
  /** Reads /me again (after a profile change or an accepted invitation). */
  refresh: () => Promise<MeResponse | null>;
}

/** 401 means "signed out", not an error; the CSRF token of a dead session is dropped with it. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await apiFetch<MeResponse>('/api/v1/me');
    rememberActions(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      rememberActions(null);
      return null;
    }
    throw error;
  }
}

/** Forgets everything cached for the previous user, so the next one never sees it. */
export function clearPrivateData(queryClient: QueryClient): void {
  setCsrfToken(null);
  rememberActions(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.setQueryData(ME_QUERY_KEY, null);
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    networkMode: 'always',
    // One quick retry for a flaky 3G answer; with no network at all the shell must not wait long to say so.
    retry: (failureCount, error) => error instanceof ApiError && error.status === 0 && failureCount < 1,
    retryDelay: 500,
  });
  const me = meQuery.data ?? null;

  const status: SessionStatus = meQuery.isPending
    ? 'loading'
    : me
      ? 'signedIn'
      : meQuery.isError
        ? 'unreachable'
        : 'signedOut';

  const refresh = useCallback(
    () => queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 0 }),
    [queryClient],
  );

  const signIn = useCallback(
    async (identifier: { email: string } | { phone: string }, password: string) => {
      const body: LoginBody = { ...identifier, password };
      await apiFetch<{ user: User; csrfToken: string }>('/api/v1/auth/login', { method: 'POST', body });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      const fresh = await refresh();
      if (!fresh) throw new ApiError(401, 'UNAUTHENTICATED', 'Please sign in.', 'Vui lòng đăng nhập.');
      return fresh;
    },
    [queryClient, refresh],
  );

  const signOut = useCallback(async () => {
    const logout = () => apiFetch<void>('/api/v1/auth/logout', { method: 'POST' });
    try {
      await logout();
    } catch (error) {
      // A stale CSRF token (another tab signed in again) is renewed by /me once; an expired session is already
      // signed out; anything else (offline) must not pretend it worked.
      if (error instanceof ApiError && error.status === 403) {
        if (await refresh()) await logout();
      } else if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    clearPrivateData(queryClient);
  }, [queryClient, refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      status,
      can: (action: Action) =>
        me ? me.actions.includes(action) : status === 'unreachable' && readLastActions().includes(action),
      roles: me ? rolesOf(me) : status === 'unreachable' ? readLast<Role>(LAST_ROLES_KEY) : [],
      signIn,
      signOut,
      refresh,
    }),
    [me, status, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The path to come back to after signing in; only same-site paths are accepted (no open redirect). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

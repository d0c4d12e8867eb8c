import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { SessionProvider } from '../app/session';

/**
 * Public reads (the directory, a team) and /api/v1/me: no retries of refusals, nothing refetched on focus. The
 * staff app's client (web/app/providers.tsx) also reacts to a 401 by reading /me again; a public page has nothing
 * private to drop, so it needs none of that.
 */
export function createPublicQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** The providers every public page reads: its language, its queries and who (if anyone) is signed in. */
export function PublicProviders({
  i18n,
  queryClient,
  children,
}: {
  i18n: I18n;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>{children}</SessionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

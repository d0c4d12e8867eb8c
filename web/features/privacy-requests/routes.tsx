import type { RouteObject } from 'react-router';

/**
 * A person's requests about their own personal data (Law 91/2025): filed without an account and proven with a code
 * sent to their phone or e-mail; followed by tracking code. Linked from /privacy, which shows the link once this
 * route exists.
 */
export const routes: RouteObject[] = [
  { path: '/privacy/requests', lazy: async () => ({ Component: (await import('./RequestPage')).RequestPage }) },
  {
    path: '/privacy/requests/status',
    lazy: async () => ({ Component: (await import('./RequestStatusPage')).RequestStatusPage }),
  },
];

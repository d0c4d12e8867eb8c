import type { RouteObject } from 'react-router';

/**
 * The public privacy notice, open to everyone. No nav item: the header and the home page list services, and this
 * page is not one; its place is a link in the site footer (web/app/layouts/SiteFooter.tsx).
 */
export const routes: RouteObject[] = [
  { path: '/privacy', lazy: async () => ({ Component: (await import('./PrivacyPage')).PrivacyPage }) },
];

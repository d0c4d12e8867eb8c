import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';

/**
 * The public privacy notice, open to everyone, with no nav item: the header and the home page list services, and
 * this page is not one; its place is a link in the site footer (web/app/layouts/SiteFooter.tsx).
 * The province administrator's screens: the breach register (privacy.breaches) and the personal-data access log
 * (privacy.accessLog). The server checks the same actions on every request.
 */
export const routes: RouteObject[] = [
  { path: '/privacy', lazy: async () => ({ Component: (await import('./PrivacyPage')).PrivacyPage }) },
  {
    path: '/admin/privacy/breaches',
    element: <RequireSignIn action="privacy.breaches" />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./pages/BreachesPage')).BreachesPage }) },
      {
        path: 'new',
        lazy: async () => ({ Component: (await import('./pages/RecordBreachPage')).RecordBreachPage }),
      },
      {
        path: ':id',
        lazy: async () => ({ Component: (await import('./pages/BreachDetailPage')).BreachDetailPage }),
      },
      {
        path: ':id/edit',
        lazy: async () => ({ Component: (await import('./pages/EditBreachPage')).EditBreachPage }),
      },
    ],
  },
  {
    path: '/admin/privacy/access-log',
    element: <RequireSignIn action="privacy.accessLog" />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/AccessLogPage')).AccessLogPage }),
      },
    ],
  },
];

export const navItems: NavItem[] = [
  {
    to: '/admin/privacy/breaches',
    labelKey: 'nav.breaches',
    descriptionKey: 'breaches.description',
    action: 'privacy.breaches',
    area: 'admin',
    section: 'admin',
    order: 29,
  },
  {
    to: '/admin/privacy/access-log',
    labelKey: 'nav.accessLog',
    descriptionKey: 'accessLog.description',
    action: 'privacy.accessLog',
    area: 'admin',
    section: 'admin',
    order: 29,
  },
];

/** Other features' messages these pages read: the admin screens' load-error panel. */
export const messageNamespaces = ['admin'];

import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';

/**
 * Administration screens under /admin. Each screen is guarded by the action that shows it (the server checks every
 * request again) and loaded lazily, so people who never administer never download them.
 */
export const routes: RouteObject[] = [
  {
    path: '/admin',
    element: <RequireSignIn />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/AdminHomePage')).AdminHomePage }),
      },
      {
        path: 'users',
        element: <RequireSignIn action="users.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/UsersPage')).UsersPage }) },
          {
            path: 'invite',
            element: <RequireSignIn action="users.manage" />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./pages/InvitePage')).InvitePage }),
              },
            ],
          },
          {
            path: ':id',
            lazy: async () => ({ Component: (await import('./pages/UserDetailPage')).UserDetailPage }),
          },
        ],
      },
      {
        path: 'hamlets',
        element: <RequireSignIn action="hamlets.manage" />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./pages/HamletsPage')).HamletsPage }),
          },
          {
            path: 'import',
            lazy: async () => ({ Component: (await import('./pages/HamletImportPage')).HamletImportPage }),
          },
          {
            path: ':id',
            lazy: async () => ({ Component: (await import('./pages/HamletDetailPage')).HamletDetailPage }),
          },
        ],
      },
      {
        path: 'api-keys',
        element: <RequireSignIn action="apiKeys.manage" />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./pages/ApiKeysPage')).ApiKeysPage }),
          },
        ],
      },
      {
        path: 'audit',
        element: <RequireSignIn action="audit.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/AuditPage')).AuditPage }) },
        ],
      },
      {
        path: 'outbox',
        element: <RequireSignIn action="outbox.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/OutboxPage')).OutboxPage }) },
        ],
      },
    ],
  },
];

/** Every `area: 'admin'` item of any feature is also a tile on /admin (AdminHomePage), with its description. */
export const navItems: NavItem[] = [
  {
    to: '/admin/users',
    labelKey: 'nav.users',
    descriptionKey: 'home.users',
    action: 'users.read',
    area: 'admin',
    section: 'admin',
    order: 10,
  },
  {
    to: '/admin/hamlets',
    labelKey: 'nav.hamlets',
    descriptionKey: 'home.hamlets',
    action: 'hamlets.manage',
    area: 'admin',
    section: 'teams',
    order: 20,
  },
  {
    to: '/admin/api-keys',
    labelKey: 'nav.apiKeys',
    descriptionKey: 'home.apiKeys',
    action: 'apiKeys.manage',
    area: 'admin',
    section: 'admin',
    order: 30,
  },
  {
    to: '/admin/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'home.audit',
    action: 'audit.read',
    area: 'admin',
    section: 'admin',
    order: 40,
  },
  {
    to: '/admin/outbox',
    labelKey: 'nav.outbox',
    descriptionKey: 'home.outbox',
    action: 'outbox.read',
    area: 'admin',
    section: 'admin',
    order: 50,
  },
];

/** Other features' messages these pages read: the unit picker and hamlet kinds (geography), a member's phone revealed (privacy). */
export const messageNamespaces = ['geography', 'privacy'];

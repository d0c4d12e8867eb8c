import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';

/** The service catalogue editor for province administrators; the server checks `services.manage` on every write. */
export const routes: RouteObject[] = [
  {
    path: '/admin/services',
    element: <RequireSignIn action="services.manage" />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/ServicesPage')).ServicesPage }),
      },
    ],
  },
];

export const navItems: NavItem[] = [
  {
    to: '/admin/services',
    labelKey: 'nav.services',
    descriptionKey: 'page.description',
    action: 'services.manage',
    area: 'admin',
    section: 'admin',
    order: 25,
  },
];

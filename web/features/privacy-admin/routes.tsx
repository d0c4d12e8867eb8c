import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';

/** The queue of data-subject requests, for those who answer them (privacy.requests: province administrators). */
export const routes: RouteObject[] = [
  {
    path: '/admin/privacy/requests',
    element: <RequireSignIn action="privacy.requests" />,
    children: [{ index: true, lazy: async () => ({ Component: (await import('./RequestsQueuePage')).RequestsQueuePage }) }],
  },
];

export const navItems: NavItem[] = [
  {
    to: '/admin/privacy/requests',
    labelKey: 'nav.requests',
    descriptionKey: 'lead',
    action: 'privacy.requests',
    area: 'admin',
    section: 'admin',
    order: 28,
  },
];

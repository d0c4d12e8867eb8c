import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';

/** The working calendar of a province, for its administrators; the server checks `calendar.manage` on every write. */
export const routes: RouteObject[] = [
  {
    path: '/admin/calendar',
    element: <RequireSignIn action="calendar.manage" />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/WorkingCalendarPage')).WorkingCalendarPage }),
      },
    ],
  },
];

export const navItems: NavItem[] = [
  {
    to: '/admin/calendar',
    labelKey: 'nav.calendar',
    descriptionKey: 'page.description',
    action: 'calendar.manage',
    area: 'admin',
    section: 'admin',
    order: 27,
  },
];

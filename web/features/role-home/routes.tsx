import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';
import { ROLE_HOME_PATH } from '../../app/session';

/** The signed-in person's home, one section per role they hold (the public home stays at `/`). */
export const routes: RouteObject[] = [
  {
    element: <RequireSignIn />,
    children: [
      {
        path: ROLE_HOME_PATH,
        lazy: async () => ({ Component: (await import('./RoleHomePage')).RoleHomePage }),
      },
    ],
  },
];

export const navItems: NavItem[] = [
  { to: ROLE_HOME_PATH, labelKey: 'nav.home', area: 'staff', section: 'home', primary: 0, order: 0 },
];

/** Other features' messages these pages read: the support log's words for records and sync, the cases inbox's name. */
export const messageNamespaces = ['support', 'case-handling', 'help-request-handling', 'question-handling'];

import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';
import { DIRECTORY_PATH, MANAGE_PATH, NEW_TEAM_PATH } from './paths';

/** The directory and team pages are public; management needs an account with the matching action. */
export const routes: RouteObject[] = [
  {
    path: DIRECTORY_PATH,
    lazy: async () => ({ Component: (await import('./DirectoryPage')).DirectoryPage }),
  },
  {
    element: <RequireSignIn action="teams.manage" />,
    children: [
      {
        path: MANAGE_PATH,
        lazy: async () => ({ Component: (await import('./TeamsManagePage')).TeamsManagePage }),
      },
      {
        path: NEW_TEAM_PATH,
        lazy: async () => ({ Component: (await import('./TeamFormPage')).TeamFormPage }),
      },
      {
        path: '/teams/:id/edit',
        lazy: async () => ({ Component: (await import('./TeamFormPage')).TeamFormPage }),
      },
    ],
  },
  {
    element: <RequireSignIn action="teams.manageMembers" />,
    children: [
      {
        path: '/teams/:id/members',
        lazy: async () => ({ Component: (await import('./MembersPage')).MembersPage }),
      },
    ],
  },
  { path: '/teams/:id', lazy: async () => ({ Component: (await import('./TeamPage')).TeamPage }) },
];

export const navItems: NavItem[] = [
  { to: DIRECTORY_PATH, labelKey: 'nav.directory', area: 'public', section: 'teams', primary: 60, order: 20 },
  {
    to: MANAGE_PATH,
    labelKey: 'nav.manage',
    action: 'teams.manage',
    area: 'staff',
    section: 'teams',
    primary: 25,
    order: 30,
  },
];

/** Other features' messages these pages read: the unit picker (geography), a phone revealed (privacy), the age bands of a team's figures (support). */
export const messageNamespaces = ['geography', 'privacy', 'support'];

import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';
import { HELP_REQUEST_FILING_PATH, HELP_REQUEST_SETTINGS_PATH, HELP_REQUESTS_PATH } from './paths';

/**
 * The staff's help-request screens (issue 11): the list and one request (whoever holds helpRequests.read; the server
 * narrows both to the caller's teams or units and answers each request with the caller's steps), and the province's
 * retention setting.
 */
export const routes: RouteObject[] = [
  {
    element: <RequireSignIn action="helpRequests.read" />,
    children: [
      { path: HELP_REQUESTS_PATH, lazy: async () => ({ Component: (await import('./ListPage')).ListPage }) },
      {
        path: `${HELP_REQUESTS_PATH}/:id`,
        lazy: async () => ({ Component: (await import('./DetailPage')).DetailPage }),
      },
    ],
  },
  {
    // Recording a resident's call or visit: whoever handles requests (the server checks the commune).
    element: <RequireSignIn action="helpRequests.handle" />,
    children: [
      {
        path: HELP_REQUEST_FILING_PATH,
        lazy: async () => ({ Component: (await import('./StaffFilingPage')).StaffFilingPage }),
      },
    ],
  },
  {
    element: <RequireSignIn action="helpRequests.configure" />,
    children: [
      {
        path: HELP_REQUEST_SETTINGS_PATH,
        lazy: async () => ({ Component: (await import('./SettingsPage')).SettingsPage }),
      },
    ],
  },
];

/**
 * "Xem số" is the privacy feature's component and words; the filing page reuses the public form's fields and notice
 * ("help-requests") with the place picker ("geography").
 */
export const messageNamespaces = ['privacy', 'help-requests', 'geography'] as const;

export const navItems: NavItem[] = [
  {
    to: HELP_REQUESTS_PATH,
    labelKey: 'nav.list',
    action: 'helpRequests.read',
    area: 'staff',
    section: 'field',
    order: 18,
  },
  {
    to: HELP_REQUEST_FILING_PATH,
    labelKey: 'nav.file',
    action: 'helpRequests.handle',
    area: 'staff',
    section: 'field',
    order: 19,
  },
  {
    to: HELP_REQUEST_SETTINGS_PATH,
    labelKey: 'nav.settings',
    descriptionKey: 'nav.settingsDescription',
    action: 'helpRequests.configure',
    roles: ['province_admin'],
    area: 'admin',
    section: 'admin',
    order: 50,
  },
];

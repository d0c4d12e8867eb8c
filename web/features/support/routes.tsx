import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';
import { handOffToCapturePage } from './capture-handoff';
import { CAPTURE_PATH, MY_RECORDS_PATH, RECORDS_PATH, REVIEW_PATH } from './paths';

/**
 * The capture page and its outbox are a separate, lighter document (capture.html, web/capture/): the app only hands
 * over to it with a page load. The lists and the review stay in the app.
 */
export const routes: RouteObject[] = [
  { path: CAPTURE_PATH, loader: handOffToCapturePage },
  { path: `${CAPTURE_PATH}/*`, loader: handOffToCapturePage },
  {
    element: <RequireSignIn />,
    children: [
      {
        path: MY_RECORDS_PATH,
        lazy: async () => ({ Component: (await import('./MyRecordsPage')).MyRecordsPage }),
      },
    ],
  },
  {
    element: <RequireSignIn action="support.review" />,
    children: [
      { path: REVIEW_PATH, lazy: async () => ({ Component: (await import('./ReviewPage')).ReviewPage }) },
    ],
  },
  {
    element: <RequireSignIn action="support.export" />,
    children: [
      { path: RECORDS_PATH, lazy: async () => ({ Component: (await import('./RecordsPage')).RecordsPage }) },
    ],
  },
];

/** Capturing is the field roles' work: other roles that hold the action (a province administrator) are not offered it. */
const FIELD_ROLES = ['team_member', 'team_leader'] as const;

export const navItems: NavItem[] = [
  {
    to: CAPTURE_PATH,
    labelKey: 'nav.capture',
    action: 'support.capture',
    roles: FIELD_ROLES,
    area: 'staff',
    section: 'field',
    primary: 10,
    order: 10,
    reloadDocument: true,
  },
  {
    to: MY_RECORDS_PATH,
    labelKey: 'nav.mine',
    action: 'support.capture',
    roles: FIELD_ROLES,
    area: 'staff',
    section: 'field',
    primary: 30,
    order: 11,
  },
  {
    to: REVIEW_PATH,
    labelKey: 'nav.review',
    action: 'support.review',
    area: 'staff',
    section: 'field',
    primary: 20,
    order: 12,
  },
  {
    to: RECORDS_PATH,
    labelKey: 'nav.records',
    action: 'support.export',
    area: 'staff',
    section: 'field',
    primary: 40,
    order: 13,
  },
];

/** Other features' messages these pages read: the unit picker of the records list. */
export const messageNamespaces = ['geography'];

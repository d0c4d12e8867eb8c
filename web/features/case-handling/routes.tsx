import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';
import {
  AGENCIES_PATH,
  CATEGORIES_PATH,
  INBOX_PATH,
  NEW_CASE_PATH,
  PROPOSALS_PATH,
  ROUTING_PATH,
  SETTINGS_PATH,
  STATS_PATH,
  TEMPLATES_PATH,
} from './paths';

/**
 * The handlers' screens for citizens' reports and teams' proposals (issue 10). Each page is guarded by the action
 * that opens it; the server checks every request again and answers each case with what the caller may do on it.
 */
export const routes: RouteObject[] = [
  {
    // The inbox and the case screen: receiving (cases.triage) and agencies' handling (cases.handle) both land here;
    // the server narrows the list to the caller's scope.
    element: <RequireSignIn />,
    children: [
      { path: INBOX_PATH, lazy: async () => ({ Component: (await import('./InboxPage')).InboxPage }) },
      { path: `${INBOX_PATH}/:id`, lazy: async () => ({ Component: (await import('./CasePage')).CasePage }) },
      {
        path: PROPOSALS_PATH,
        lazy: async () => ({ Component: (await import('./ProposalsPage')).ProposalsPage }),
      },
    ],
  },
  {
    element: <RequireSignIn action="cases.triage" />,
    children: [
      {
        path: NEW_CASE_PATH,
        lazy: async () => ({ Component: (await import('./StaffFilingPage')).StaffFilingPage }),
      },
    ],
  },
  {
    element: <RequireSignIn action="cases.supervise" />,
    children: [
      { path: STATS_PATH, lazy: async () => ({ Component: (await import('./StatsPage')).StatsPage }) },
    ],
  },
  {
    element: <RequireSignIn action="cases.configure" />,
    children: [
      {
        path: AGENCIES_PATH,
        lazy: async () => ({ Component: (await import('./admin/AgenciesPage')).AgenciesPage }),
      },
      {
        path: ROUTING_PATH,
        lazy: async () => ({ Component: (await import('./admin/RoutingPage')).RoutingPage }),
      },
      {
        path: TEMPLATES_PATH,
        lazy: async () => ({ Component: (await import('./admin/TemplatesPage')).TemplatesPage }),
      },
      {
        path: SETTINGS_PATH,
        lazy: async () => ({ Component: (await import('./admin/SettingsPage')).SettingsPage }),
      },
      {
        path: CATEGORIES_PATH,
        lazy: async () => ({ Component: (await import('./admin/CategoriesPage')).CategoriesPage }),
      },
    ],
  },
];

export const navItems: NavItem[] = [
  // Everyone who receives or handles cases holds cases.handle (receiving roles, agency handlers, supervisors).
  {
    to: INBOX_PATH,
    labelKey: 'nav.inbox',
    action: 'cases.handle',
    area: 'staff',
    section: 'field',
    primary: 15,
    order: 20,
  },
  {
    to: NEW_CASE_PATH,
    labelKey: 'nav.newCase',
    action: 'cases.triage',
    area: 'staff',
    section: 'field',
    order: 21,
  },
  {
    to: STATS_PATH,
    labelKey: 'nav.stats',
    action: 'cases.supervise',
    area: 'staff',
    section: 'field',
    order: 22,
  },
  {
    to: PROPOSALS_PATH,
    labelKey: 'nav.proposals',
    action: 'proposals.raise',
    roles: ['team_leader'],
    area: 'staff',
    section: 'teams',
    order: 35,
  },
  {
    to: PROPOSALS_PATH,
    labelKey: 'nav.proposals',
    action: 'proposals.triage',
    area: 'staff',
    section: 'teams',
    order: 35,
  },
  {
    to: AGENCIES_PATH,
    labelKey: 'nav.agencies',
    descriptionKey: 'navDescription.agencies',
    action: 'cases.configure',
    area: 'admin',
    section: 'admin',
    order: 40,
  },
  {
    to: ROUTING_PATH,
    labelKey: 'nav.routing',
    descriptionKey: 'navDescription.routing',
    action: 'cases.configure',
    area: 'admin',
    section: 'admin',
    order: 41,
  },
  {
    to: TEMPLATES_PATH,
    labelKey: 'nav.templates',
    descriptionKey: 'navDescription.templates',
    action: 'cases.configure',
    area: 'admin',
    section: 'admin',
    order: 42,
  },
  {
    to: SETTINGS_PATH,
    labelKey: 'nav.settings',
    descriptionKey: 'navDescription.settings',
    action: 'cases.configure',
    area: 'admin',
    section: 'admin',
    order: 43,
  },
  {
    // The list is province-wide: a commune officer configures their commune's agencies and rules, not the list.
    to: CATEGORIES_PATH,
    labelKey: 'nav.categories',
    descriptionKey: 'navDescription.categories',
    action: 'cases.configure',
    roles: ['province_admin'],
    area: 'admin',
    section: 'admin',
    order: 44,
  },
];

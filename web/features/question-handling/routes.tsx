import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';
import { RequireSignIn } from '../../app/RequireSignIn';
import { FAQ_CURATION_PATH, QUEUE_PATH, SETTINGS_PATH, UNANSWERED_PATH } from './paths';

/**
 * The network's Q&A screens (issue 11). Answering happens on the question's public page (its staff tools appear
 * when the server lists an action for the caller); these are the lists around it. Each is guarded by the action
 * that opens it; the server checks every request again.
 */
export const routes: RouteObject[] = [
  {
    element: <RequireSignIn action="questions.answer" />,
    children: [
      {
        path: UNANSWERED_PATH,
        lazy: async () => ({ Component: (await import('./UnansweredPage')).UnansweredPage }),
      },
    ],
  },
  {
    element: <RequireSignIn action="questions.moderate" />,
    children: [
      { path: QUEUE_PATH, lazy: async () => ({ Component: (await import('./QueuePage')).QueuePage }) },
    ],
  },
  {
    element: <RequireSignIn action="questions.curate" />,
    children: [
      {
        path: FAQ_CURATION_PATH,
        lazy: async () => ({ Component: (await import('./FaqCurationPage')).FaqCurationPage }),
      },
      {
        path: SETTINGS_PATH,
        lazy: async () => ({ Component: (await import('./SettingsPage')).SettingsPage }),
      },
    ],
  },
];

export const navItems: NavItem[] = [
  {
    to: UNANSWERED_PATH,
    labelKey: 'nav.unanswered',
    action: 'questions.answer',
    area: 'staff',
    section: 'field',
    order: 25,
  },
  {
    to: QUEUE_PATH,
    labelKey: 'nav.queue',
    action: 'questions.moderate',
    area: 'staff',
    section: 'field',
    order: 26,
  },
  {
    to: FAQ_CURATION_PATH,
    labelKey: 'nav.faq',
    action: 'questions.curate',
    area: 'staff',
    section: 'field',
    order: 27,
  },
  {
    // The settings are the province's: curators at province level (the server refuses the others).
    to: SETTINGS_PATH,
    labelKey: 'nav.settings',
    descriptionKey: 'nav.settingsDescription',
    action: 'questions.curate',
    roles: ['province_admin', 'department_officer', 'youth_union_coordinator'],
    area: 'admin',
    section: 'admin',
    order: 50,
  },
];

import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/feature-collection';
import { HELP_PATH, HELP_TRACK_PATH } from './paths';

/**
 * Citizens' help requests (issue 11): the request form and a request's public status page. Public pages, also
 * prerendered in the public document (web/public-site/pages.ts); here for in-app navigation.
 */
export const routes: RouteObject[] = [
  { path: HELP_PATH, lazy: async () => ({ Component: (await import('./HelpRequestPage')).HelpRequestPage }) },
  {
    path: HELP_TRACK_PATH,
    lazy: async () => ({ Component: (await import('./HelpTrackPage')).HelpTrackPage }),
  },
];

/** The commune and hamlet picker reads the geography feature's words. */
export const messageNamespaces = ['geography'] as const;

export const navItems: NavItem[] = [
  {
    // First among the public services: the home page's call to action.
    to: HELP_PATH,
    labelKey: 'nav.help',
    descriptionKey: 'nav.helpDescription',
    area: 'public',
    order: 15,
  },
];

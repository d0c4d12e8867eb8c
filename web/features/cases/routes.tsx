import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/feature-collection';
import { REPORT_PATH, REPORTS_PATH, TRACK_PATH } from './paths';

/**
 * Citizens' reports (issue 10): the report form, the public list and map, a case's tracking page. Public pages,
 * also prerendered in the public document (web/public-site/pages.ts); here for in-app navigation.
 */
export const routes: RouteObject[] = [
  { path: REPORT_PATH, lazy: async () => ({ Component: (await import('./ReportPage')).ReportPage }) },
  { path: REPORTS_PATH, lazy: async () => ({ Component: (await import('./ListPage')).ListPage }) },
  { path: TRACK_PATH, lazy: async () => ({ Component: (await import('./TrackPage')).TrackPage }) },
];

/** The pickers and the commune list read the geography feature's words. */
export const messageNamespaces = ['geography'] as const;

export const navItems: NavItem[] = [
  {
    to: REPORT_PATH,
    labelKey: 'nav.report',
    descriptionKey: 'nav.reportDescription',
    area: 'public',
    order: 20,
  },
  {
    to: REPORTS_PATH,
    labelKey: 'nav.list',
    descriptionKey: 'nav.listDescription',
    area: 'public',
    order: 21,
  },
];

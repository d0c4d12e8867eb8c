import type { ComponentType } from 'react';
import { redirectDocument, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { DIRECTORY_PATH } from '../features/teams/paths';
import { publicServiceNamespaces } from './catalogue';
import { STAFF_PATHS_UNDER_PUBLIC } from './pages';
import { PublicLayout } from './PublicLayout';

/**
 * Any address this document does not carry belongs to the staff app (index.html): the browser loads that document,
 * so a link from a public page (sign in, the capture page, a member's profile) works without the public bundle
 * knowing the staff routes. The server sends staff addresses to index.html, so this never loops.
 */
function staffDocument({ request }: LoaderFunctionArgs): Response {
  return redirectDocument(new URL(request.url).pathname + new URL(request.url).search);
}

/** Loads namespaces in the document's i18next instance (its current language). */
export type LoadNamespaces = (namespaces: readonly string[]) => Promise<void>;

export interface PublicPageRoute {
  /** The route's path; none for the index (`/`). */
  path?: string;
  /** The page component's module, from web/ (message-namespaces.test.ts reads what it uses). */
  module: string;
  /** The namespaces the page reads besides the frame's (public-site/i18n.ts), loaded with its code. */
  messages: readonly string[];
  page: () => Promise<ComponentType>;
}

/**
 * The public pages, the same components the staff app routes to (web/features/<domain>/), each with the messages it
 * reads. A new citizen page adds a line here and its address to PUBLIC_PAGES (./pages.ts), which the build
 * prerenders and the server serves.
 */
export const publicPageRoutes: readonly PublicPageRoute[] = [
  {
    module: 'features/home/HomePage.tsx',
    // The public services it lists are named in their features' messages.
    messages: ['home', ...publicServiceNamespaces],
    page: async () => (await import('../features/home/HomePage')).HomePage,
  },
  {
    path: DIRECTORY_PATH,
    module: 'features/teams/DirectoryPage.tsx',
    messages: ['teams', 'geography'],
    page: async () => (await import('../features/teams/DirectoryPage')).DirectoryPage,
  },
  {
    path: '/teams/:id',
    module: 'features/teams/TeamPage.tsx',
    messages: ['teams', 'support', 'privacy'],
    page: async () => (await import('../features/teams/TeamPage')).TeamPage,
  },
  {
    path: '/privacy',
    module: 'features/privacy/PrivacyPage.tsx',
    messages: ['privacy'],
    page: async () => (await import('../features/privacy/PrivacyPage')).PrivacyPage,
  },
  {
    path: '/privacy/requests',
    module: 'features/privacy-requests/RequestPage.tsx',
    messages: ['privacy-requests'],
    page: async () => (await import('../features/privacy-requests/RequestPage')).RequestPage,
  },
  {
    path: '/privacy/requests/status',
    module: 'features/privacy-requests/RequestStatusPage.tsx',
    messages: ['privacy-requests'],
    page: async () => (await import('../features/privacy-requests/RequestStatusPage')).RequestStatusPage,
  },
  {
    path: '/report',
    module: 'features/cases/ReportPage.tsx',
    messages: ['cases', 'geography'],
    page: async () => (await import('../features/cases/ReportPage')).ReportPage,
  },
  {
    path: '/reports',
    module: 'features/cases/ListPage.tsx',
    messages: ['cases', 'geography'],
    page: async () => (await import('../features/cases/ListPage')).ListPage,
  },
  {
    path: '/reports/:code',
    module: 'features/cases/TrackPage.tsx',
    messages: ['cases'],
    page: async () => (await import('../features/cases/TrackPage')).TrackPage,
  },
  {
    path: '/help',
    module: 'features/help-requests/HelpRequestPage.tsx',
    messages: ['help-requests', 'geography'],
    page: async () => (await import('../features/help-requests/HelpRequestPage')).HelpRequestPage,
  },
  {
    path: '/help/:code',
    module: 'features/help-requests/HelpTrackPage.tsx',
    messages: ['help-requests'],
    page: async () => (await import('../features/help-requests/HelpTrackPage')).HelpTrackPage,
  },
  {
    path: '/questions',
    module: 'features/questions/QuestionsPage.tsx',
    messages: ['questions'],
    page: async () => (await import('../features/questions/QuestionsPage')).QuestionsPage,
  },
  {
    path: '/questions/ask',
    module: 'features/questions/AskPage.tsx',
    messages: ['questions'],
    page: async () => (await import('../features/questions/AskPage')).AskPage,
  },
  {
    path: '/questions/:id',
    module: 'features/questions/QuestionPage.tsx',
    messages: ['questions'],
    page: async () => (await import('../features/questions/QuestionPage')).QuestionPage,
  },
  {
    path: '/faq',
    module: 'features/questions/FaqPage.tsx',
    messages: ['questions'],
    page: async () => (await import('../features/questions/FaqPage')).FaqPage,
  },
];

function pageRoute({ path, messages, page }: PublicPageRoute, load: LoadNamespaces): RouteObject {
  // The page's code and its messages in parallel: it renders once both are there.
  const lazy = async () => ({ Component: (await Promise.all([page(), load(messages)]))[0] });
  return path === undefined ? { index: true, lazy } : { path, lazy };
}

/** The public document's routes; `load` fetches a page's messages into the document's i18next instance. */
export function publicRoutes(load: LoadNamespaces = async () => undefined): RouteObject[] {
  const [home, ...pages] = publicPageRoutes.map((page) => pageRoute(page, load));
  const teamPage = pages.findIndex((route) => route.path === '/teams/:id');
  return [
    {
      element: <PublicLayout />,
      children: [
        ...(home ? [home] : []),
        ...pages.slice(0, teamPage),
        // Staff pages whose address would otherwise match a team's page.
        ...STAFF_PATHS_UNDER_PUBLIC.map((path) => ({ path, loader: staffDocument })),
        ...pages.slice(teamPage),
        { path: '*', loader: staffDocument },
      ],
    },
  ];
}

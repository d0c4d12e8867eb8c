import { redirectDocument, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { DIRECTORY_PATH } from '../features/teams/paths';
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

/**
 * The public pages, the same components the staff app routes to (web/features/<domain>/). A new citizen page adds
 * its route here and its address to PUBLIC_PAGES (./pages.ts), which the build prerenders and the server serves.
 */
export function publicRoutes(): RouteObject[] {
  return [
    {
      element: <PublicLayout />,
      children: [
        { index: true, lazy: async () => ({ Component: (await import('../features/home/HomePage')).HomePage }) },
        {
          path: DIRECTORY_PATH,
          lazy: async () => ({ Component: (await import('../features/teams/DirectoryPage')).DirectoryPage }),
        },
        // Staff pages whose address would otherwise match a team's page.
        ...STAFF_PATHS_UNDER_PUBLIC.map((path) => ({ path, loader: staffDocument })),
        {
          path: '/teams/:id',
          lazy: async () => ({ Component: (await import('../features/teams/TeamPage')).TeamPage }),
        },
        {
          path: '/privacy',
          lazy: async () => ({ Component: (await import('../features/privacy/PrivacyPage')).PrivacyPage }),
        },
        {
          path: '/privacy/requests',
          lazy: async () => ({
            Component: (await import('../features/privacy-requests/RequestPage')).RequestPage,
          }),
        },
        {
          path: '/privacy/requests/status',
          lazy: async () => ({
            Component: (await import('../features/privacy-requests/RequestStatusPage')).RequestStatusPage,
          }),
        },
        { path: '*', loader: staffDocument },
      ],
    },
  ];
}

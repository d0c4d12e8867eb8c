import { createBrowserRouter, type RouteObject } from 'react-router';
import { features } from './features';
import { AppLayout } from './layouts/AppLayout';
import { ErrorPage } from './pages/ErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteSkeleton } from './pages/RouteSkeleton';

/**
 * The layout wraps every feature's routes. Errors are caught twice: inside the layout (the header stays, so the
 * reader can still navigate) and, if the layout itself fails, at the top.
 */
export function buildRoutes(featureRoutes: RouteObject[] = features.routes): RouteObject[] {
  return [
    {
      element: <AppLayout />,
      errorElement: <ErrorPage standalone />,
      hydrateFallbackElement: <RouteSkeleton />,
      children: [
        {
          errorElement: <ErrorPage />,
          children: [...featureRoutes, { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(buildRoutes());
}

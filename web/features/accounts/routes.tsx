import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/RequireSignIn';
import type { NavItem } from '../../app/features';

/** Account screens. Pages load lazily so the first visit downloads only the page it opens. */
export const routes: RouteObject[] = [
  { path: '/sign-in', lazy: async () => ({ Component: (await import('./pages/SignInPage')).SignInPage }) },
  {
    path: '/forgot-password',
    lazy: async () => ({ Component: (await import('./pages/ForgotPasswordPage')).ForgotPasswordPage }),
  },
  {
    path: '/reset-password',
    lazy: async () => ({ Component: (await import('./pages/ResetPasswordPage')).ResetPasswordPage }),
  },
  {
    path: '/invitations/:token',
    lazy: async () => ({ Component: (await import('./pages/InvitationPage')).InvitationPage }),
  },
  {
    element: <RequireSignIn />,
    children: [
      {
        path: '/profile',
        lazy: async () => ({ Component: (await import('./pages/ProfilePage')).ProfilePage }),
      },
      {
        path: '/notifications',
        lazy: async () => ({ Component: (await import('./pages/NotificationsPage')).NotificationsPage }),
      },
    ],
  },
];

/** Profile and notifications live in the account menu, not the main navigation. */
export const navItems: NavItem[] = [];

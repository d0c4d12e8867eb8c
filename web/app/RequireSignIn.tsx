import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Action } from '../../shared/rules/permissions';
import { Alert, Button, PageHeader, Skeleton } from '../ui';
import { SIGN_IN_PATH, useSession } from './session';

/**
 * Guards pages that need an account: signed-out visitors go to the sign-in page and come back afterwards; a signed-in
 * user without `action` sees a plain explanation instead. The server still checks every request.
 * Use as a layout route (`{ element: <RequireSignIn action="users.read" />, children: [...] }`) or around children.
 */
export function RequireSignIn({ action, children }: { action?: Action; children?: ReactNode }) {
  const { t } = useTranslation('app');
  const { status, can, refresh } = useSession();
  const location = useLocation();

  if (status === 'loading') return <Skeleton title lines={4} />;
  if (status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`} replace />;
  }
  if (status === 'unreachable') {
    return (
      <>
        <PageHeader title={t('unreachable.title')} />
        <Alert tone="warning">
          <p>{t('unreachable.body')}</p>
        </Alert>
        <Button onClick={() => void refresh()}>{t('unreachable.retry')}</Button>
      </>
    );
  }
  if (action && !can(action)) {
    return (
      <>
        <PageHeader title={t('forbidden.title')} />
        <p className="reading">{t('forbidden.body')}</p>
      </>
    );
  }
  return <>{children ?? <Outlet />}</>;
}

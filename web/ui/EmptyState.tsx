import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  action,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">
        <strong>{title}</strong>
      </p>
      {children && <div className="muted">{children}</div>}
      {action && <div className="cluster cluster--center">{action}</div>}
    </div>
  );
}

import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const ICONS = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;

/**
 * A message box. Errors are role="alert" (read out at once), successes role="status"; info and warnings are
 * static unless `live` asks for an announcement. The tone is also said in words for screen readers.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  live,
  ref,
  id,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  ref?: Ref<HTMLDivElement>;
  id?: string;
}) {
  const { t } = useTranslation('ui');
  const role = tone === 'error' ? 'alert' : tone === 'success' || live ? 'status' : undefined;
  return (
    <div ref={ref} id={id} className={`alert alert--${tone}`} role={role} tabIndex={-1}>
      <Icon name={ICONS[tone]} className="alert__icon" />
      <div className="alert__body">
        <span className="visually-hidden">{t(`alert.${tone}`)} </span>
        {title && (
          <p className="alert__title">
            <strong>{title}</strong>
          </p>
        )}
        {children}
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

/** Ids of the hint and error paragraphs, for aria-describedby on the control. */
export function describedBy(
  id: string,
  hint: ReactNode,
  error: string | null | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The attributes every text-like control inside a Field carries: its id, the input style, and the links a screen
 * reader follows to the hint and the error.
 */
export function controlProps(id: string, hint: ReactNode, error: string | null | undefined, className?: string) {
  return {
    id,
    className: ['input', className].filter(Boolean).join(' '),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
}

/** Label, hint and error around one control: the shared frame of every form field. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('ui');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> {t('optional')}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} message={error} />}
      {children}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation('ui');
  return (
    <p className="field__error" id={id}>
      <Icon name="error" />
      <span>
        <span className="visually-hidden">{t('errorPrefix')} </span>
        {message}
      </span>
    </p>
  );
}

import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** The button look for links that act as buttons (`<Link className={buttonClass('primary')}>`). */
export function buttonClass(variant: ButtonVariant = 'primary', opts: { block?: boolean } = {}): string {
  return ['btn', `btn--${variant}`, opts.block ? 'btn--block' : ''].filter(Boolean).join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** While true the button keeps focus and its label, shows a spinner and ignores clicks (no double submit). */
  loading?: boolean;
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'primary',
  loading = false,
  block = false,
  type = 'button',
  className,
  children,
  onClick,
  ref,
  ...rest
}: ButtonProps) {
  const { t } = useTranslation('ui');
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      ref={ref}
      type={type}
      className={[buttonClass(variant, { block }), className].filter(Boolean).join(' ')}
      aria-disabled={loading || undefined}
      aria-busy={loading || undefined}
      onClick={handleClick}
      {...rest}
    >
      {loading && <span className="spinner" aria-hidden="true" />}
      {children}
      {loading && <span className="visually-hidden">{t('working')}</span>}
    </button>
  );
}

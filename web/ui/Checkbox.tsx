import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './Field';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function Checkbox({ label, hint, error, id, ref, ...rest }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field--invalid' : undefined}>
      {error && <FieldError id={`${inputId}-error`} message={error} />}
      <label className="choice" htmlFor={inputId}>
        <input
          ref={ref}
          id={inputId}
          type="checkbox"
          className="choice__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...rest}
        />
        <span className="choice__text">
          <span>{label}</span>
          {hint && (
            <span className="choice__hint" id={`${inputId}-hint`}>
              {hint}
            </span>
          )}
        </span>
      </label>
    </div>
  );
}

/** An on/off switch (a checkbox with role="switch"); "Bật/Tắt" is written next to it so state never rests on colour. */
export function Toggle({ label, hint, id, checked, ref, ...rest }: Omit<CheckboxProps, 'error'>) {
  const { t } = useTranslation('ui');
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <label className="choice" htmlFor={inputId}>
      <input
        ref={ref}
        id={inputId}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...rest}
      />
      <span className="choice__text">
        <span>{label}</span>
        <span className="switch__state" aria-hidden="true">
          {checked ? t('on') : t('off')}
        </span>
        {hint && (
          <span className="choice__hint" id={`${inputId}-hint`}>
            {hint}
          </span>
        )}
      </span>
    </label>
  );
}

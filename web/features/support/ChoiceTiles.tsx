import { useId, type ReactNode } from 'react';
import { FieldError } from '../../ui';

export interface TileOption {
  value: string;
  label: ReactNode;
}

/**
 * Big tap targets for a one-of (radio) or some-of (checkbox) choice, as native inputs in a fieldset so the
 * keyboard, screen readers and the error summary (it links to `id`, the first input) all work unchanged.
 */
export function ChoiceTiles({
  id,
  legend,
  hint,
  error,
  options,
  multiple = false,
  selected,
  onChange,
  wide = false,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: readonly TileOption[];
  multiple?: boolean;
  selected: readonly string[];
  onChange: (next: string[]) => void;
  wide?: boolean;
}) {
  const name = useId();
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, checked: boolean) => {
    if (!multiple) onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  };
  return (
    <fieldset
      className={error ? 'fieldset capture-section field--invalid' : 'fieldset capture-section'}
      aria-describedby={described}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} message={error} />}
      <div className={wide ? 'tiles tiles--wide' : 'tiles'}>
        {options.map((option, index) => {
          const inputId = index === 0 ? id : `${id}-${index}`;
          return (
            <label key={option.value} className="tile" htmlFor={inputId}>
              <input
                id={inputId}
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={option.value}
                checked={selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

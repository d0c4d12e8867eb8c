import { useId, type ReactNode } from 'react';
import { FieldError } from './Field';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
  error,
  id,
}: {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  /** The first radio gets this id, so an error summary can link to the group. */
  id?: string;
}) {
  const autoId = useId();
  const groupId = id ?? autoId;
  const describedBy = [hint ? `${groupId}-hint` : null, error ? `${groupId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={error ? 'fieldset field--invalid' : 'fieldset'}
      aria-describedby={describedBy || undefined}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${groupId}-hint`}>
          {hint}
        </p>
      )}
      {error && <FieldError id={`${groupId}-error`} message={error} />}
      {options.map((option, index) => {
        const optionId = index === 0 ? groupId : `${groupId}-${index}`;
        return (
          <label key={option.value} className="choice" htmlFor={optionId}>
            <input
              id={optionId}
              type="radio"
              className="choice__input"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className="choice__text">
              <span>{option.label}</span>
              {option.hint && <span className="choice__hint">{option.hint}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

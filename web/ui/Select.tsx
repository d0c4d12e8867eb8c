import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { controlProps, Field } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first, empty choice such as "— Chọn —"; omit when a value is always chosen. */
  placeholder?: string;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

export function Select({
  label,
  options,
  placeholder,
  id,
  hint,
  error,
  optional,
  className,
  ref,
  ...rest
}: SelectProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} optional={optional}>
      <select
        ref={ref}
        {...controlProps(fieldId, hint, error, className)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

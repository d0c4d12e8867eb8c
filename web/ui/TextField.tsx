import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from 'react';
import { controlProps, Field } from './Field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Give an id when a FormErrorSummary links to this field. */
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  id,
  hint,
  error,
  optional,
  className,
  ref,
  type = 'text',
  ...rest
}: TextFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} optional={optional}>
      <input
        ref={ref}
        {...controlProps(fieldId, hint, error, className)}
        type={type}
        {...rest}
      />
    </Field>
  );
}

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextArea({ label, id, hint, error, optional, className, ref, ...rest }: TextAreaProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        ref={ref}
        {...controlProps(fieldId, hint, error, className)}
        {...rest}
      />
    </Field>
  );
}

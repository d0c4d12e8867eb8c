import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlProps, Field } from './Field';
import type { TextFieldProps } from './TextField';

/**
 * A password input with a "show password" checkbox under it: older users often mistype on small keyboards, and
 * seeing what they typed avoids a lock-out. A labelled checkbox says its state in words, unlike an eye icon.
 */
export function PasswordField({
  label,
  id,
  hint,
  error,
  optional,
  className,
  ref,
  ...rest
}: Omit<TextFieldProps, 'type'>) {
  const { t } = useTranslation('ui');
  const autoId = useId();
  const fieldId = id ?? autoId;
  const [visible, setVisible] = useState(false);
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} optional={optional}>
      <input
        ref={ref}
        {...controlProps(fieldId, hint, error, className)}
        type={visible ? 'text' : 'password'}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        {...rest}
      />
      <label className="choice">
        <input
          type="checkbox"
          className="choice__input"
          checked={visible}
          aria-controls={fieldId}
          onChange={(event) => setVisible(event.target.checked)}
        />
        <span className="choice__text">{t('showPasswordLabel')}</span>
      </label>
    </Field>
  );
}

import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../ui';

export interface NewPasswordFieldsProps {
  ids: { password: string; confirmation: string };
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: { password?: string | undefined; confirmation?: string | undefined };
}

/** A new password and its confirmation, as every form that sets a password asks for them (reset, profile). */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <PasswordField
        id={props.ids.password}
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint')}
        autoComplete="new-password"
        value={props.password}
        onChange={(event) => props.onPasswordChange(event.target.value)}
        error={props.errors.password}
      />
      <PasswordField
        id={props.ids.confirmation}
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        value={props.confirmation}
        onChange={(event) => props.onConfirmationChange(event.target.value)}
        error={props.errors.confirmation}
      />
    </>
  );
}

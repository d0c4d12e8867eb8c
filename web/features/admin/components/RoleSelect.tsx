import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/rules/permissions';
import { Select } from '../../../ui';
import { roleLabelKey } from '../../accounts/roles';

/**
 * Every role, named in the reader's language. Which roles the caller may hand out is the server's decision (it
 * answers 403 with the reason), so the list is not filtered here.
 */
export function RoleSelect({
  id,
  value,
  onChange,
  error,
  label,
  placeholder,
  optional,
}: {
  id?: string;
  value: Role | '';
  onChange: (role: Role | '') => void;
  error?: string | null;
  label: string;
  placeholder: string;
  optional?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <Select
      id={id}
      label={label}
      placeholder={placeholder}
      optional={optional}
      error={error}
      value={value}
      onChange={(event) => onChange(event.target.value as Role | '')}
      options={ROLES.map((role) => ({ value: role, label: t(roleLabelKey(role)) }))}
    />
  );
}

import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Select } from '../../ui';
import { useUnitList } from '../geography/units-queries';
import { provinceOf } from './scope';

/**
 * The communes of the handler's province as a plain select (a province has about a hundred: a select is faster to
 * use from a keyboard than the tree picker, and works the same on a phone).
 */
export function CommuneSelect({
  label,
  value,
  onChange,
  placeholder,
  error,
  hint,
  id,
  name,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  placeholder: string;
  error?: string | null;
  hint?: string;
  id?: string;
  name?: SelectHTMLAttributes<HTMLSelectElement>['name'];
}) {
  const { i18n } = useTranslation();
  const { me } = useSession();
  const province = provinceOf(me);
  const units = useUnitList({ parentCode: province }, province !== null);
  const options = (units.data?.items ?? [])
    .filter((u) => u.level !== 'hamlet')
    .map((u) => ({ value: u.code, label: u.fullName }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return (
    <Select
      id={id}
      name={name}
      label={label}
      value={value}
      placeholder={placeholder}
      options={options}
      error={error}
      hint={hint}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

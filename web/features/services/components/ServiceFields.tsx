import { useTranslation } from 'react-i18next';
import { SKILLS, type Skill } from '../../../../shared/contracts/services';
import { Select, TextField } from '../../../ui';
import type { ServiceDraft } from '../service-form';

/** The names and skill of a service (and its code when adding); `errors` are already translated. */
export function ServiceFields({
  idPrefix,
  draft,
  errors,
  withCode,
  onChange,
}: {
  idPrefix: string;
  draft: ServiceDraft;
  errors: Partial<Record<keyof ServiceDraft, string>>;
  withCode: boolean;
  onChange: (draft: ServiceDraft) => void;
}) {
  const { t } = useTranslation('services');
  return (
    <>
      {withCode && (
        <TextField
          id={`${idPrefix}-code`}
          label={t('form.code')}
          hint={t('form.codeHint')}
          value={draft.code}
          onChange={(e) => onChange({ ...draft, code: e.target.value.trim() })}
          error={errors.code}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
      <TextField
        id={`${idPrefix}-name`}
        label={t('form.name')}
        lang="vi"
        value={draft.name}
        onChange={(e) => onChange({ ...draft, name: e.target.value })}
        error={errors.name}
        autoComplete="off"
      />
      <TextField
        id={`${idPrefix}-name-en`}
        label={t('form.nameEn')}
        lang="en"
        value={draft.nameEn}
        onChange={(e) => onChange({ ...draft, nameEn: e.target.value })}
        error={errors.nameEn}
        autoComplete="off"
      />
      <Select
        id={`${idPrefix}-skill`}
        label={t('form.skill')}
        placeholder={t('form.skillPlaceholder')}
        options={SKILLS.map((skill) => ({ value: skill, label: t(`skills.${skill}`) }))}
        value={draft.skill}
        onChange={(e) => onChange({ ...draft, skill: e.target.value as Skill | '' })}
        error={errors.skill}
      />
    </>
  );
}

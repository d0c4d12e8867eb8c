import { useTranslation } from 'react-i18next';
import { Select, TextField } from '../../ui';
import type { ServiceChoice } from './help-api';
import { FIELD_IDS, OTHER_NEED, type HelpDraft } from './help-draft';

/** What help is needed: a service of the catalogue, or "something else" with the person's own words. */
export function NeedField({
  draft,
  services,
  servicesFailed,
  errors,
  update,
}: {
  draft: HelpDraft;
  services: readonly ServiceChoice[];
  servicesFailed: boolean;
  errors: { need?: string; needText?: string };
  update: (patch: Partial<HelpDraft>) => void;
}) {
  const { t, i18n } = useTranslation('help-requests');
  const english = i18n.language.startsWith('en');
  const options = [
    ...services.map((s) => ({ value: s.code, label: english ? s.nameEn : s.name })),
    { value: OTHER_NEED, label: t('form.needOther') },
  ];
  return (
    <div className="stack">
      <Select
        id={FIELD_IDS.need}
        label={t('form.need')}
        placeholder={t('form.needChoose')}
        options={options}
        value={draft.serviceCode}
        error={errors.need ? t(errors.need) : null}
        hint={servicesFailed ? t('form.servicesFailed') : undefined}
        onChange={(e) => update({ serviceCode: e.target.value })}
      />
      {draft.serviceCode === OTHER_NEED && (
        <TextField
          id={FIELD_IDS.needText}
          label={t('form.needText')}
          hint={t('form.needTextHint')}
          maxLength={500}
          value={draft.needText}
          error={errors.needText ? t(errors.needText) : null}
          onChange={(e) => update({ needText: e.target.value })}
        />
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { CaseCategory } from '../../../shared/contracts/cases';
import { MAX_CASE_DESCRIPTION } from './limits';
import { findPersonalData } from '../../../shared/privacy/pii-detect';
import { Alert, Checkbox, Select, TextArea, TextField } from '../../ui';
import { PhotosField } from './PhotosField';
import { attributeFieldId, FIELD_IDS, type StepErrors } from './report-form';
import type { DraftPhoto, ReportDraft } from './report-draft';

type Attribute = CaseCategory['attributes'][number];

/** One of the category's extra questions (Open311 attributes), in the control its datatype calls for. */
function AttributeQuestion({
  attribute,
  value,
  error,
  onChange,
}: {
  attribute: Attribute;
  value: string | string[] | undefined;
  error: string | undefined;
  onChange: (next: string | string[]) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const english = i18n.language.startsWith('en');
  const id = attributeFieldId(attribute.code);
  const label = english ? attribute.descriptionEn : attribute.description;
  const optional = !attribute.required;
  const options = (attribute.values ?? []).map((v) => ({ value: v.key, label: english ? v.nameEn : v.name }));
  if (attribute.datatype === 'singlevaluelist') {
    return (
      <Select
        id={id}
        label={label}
        optional={optional}
        error={error}
        placeholder={t('report.choose')}
        options={options}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (attribute.datatype === 'multivaluelist') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'}>
        <legend className="fieldset__legend">{label}</legend>
        {options.map((o, index) => (
          <Checkbox
            key={o.value}
            id={index === 0 ? id : `${id}-${index}`}
            label={o.label}
            error={index === 0 ? error : undefined}
            checked={chosen.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))
            }
          />
        ))}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (attribute.datatype === 'text') {
    return (
      <TextArea
        id={id}
        label={label}
        optional={optional}
        error={error}
        rows={3}
        maxLength={500}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <TextField
      id={id}
      label={label}
      optional={optional}
      error={error}
      maxLength={500}
      value={text}
      type={attribute.datatype === 'datetime' ? 'datetime-local' : 'text'}
      inputMode={attribute.datatype === 'number' ? 'decimal' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Step 2: what is wrong, in the person's words (with a warning when they type personal data), and photos. */
export function WhatStep({
  draft,
  category,
  photos,
  errors,
  update,
  addPhotos,
  removePhoto,
}: {
  draft: ReportDraft;
  category: CaseCategory | null;
  photos: DraftPhoto[];
  errors: StepErrors;
  update: (patch: Partial<ReportDraft>) => void;
  addPhotos: (files: readonly File[]) => Promise<{ failed: number }>;
  removePhoto: (id: string) => void;
}) {
  const { t } = useTranslation('cases');
  const found = findPersonalData(draft.description);
  const errorOf = (id: string) => (errors[id] ? t(errors[id]) : undefined);
  return (
    <div className="stack">
      <TextArea
        id={FIELD_IDS.description}
        label={t('report.description')}
        hint={t('report.descriptionHint')}
        rows={5}
        maxLength={MAX_CASE_DESCRIPTION}
        value={draft.description}
        error={errorOf(FIELD_IDS.description)}
        onChange={(e) => update({ description: e.target.value })}
      />
      {found.length > 0 && (
        <Alert tone="warning" live>
          {t('report.piiWarning', { what: found.map((kind) => t(`report.pii.${kind}`)).join(', ') })}
        </Alert>
      )}
      {(category?.attributes ?? []).map((attribute) => (
        <AttributeQuestion
          key={attribute.code}
          attribute={attribute}
          value={draft.attributes[attribute.code]}
          error={errorOf(attributeFieldId(attribute.code))}
          onChange={(next) => update({ attributes: { ...draft.attributes, [attribute.code]: next } })}
        />
      ))}
      <PhotosField photos={photos} addPhotos={addPhotos} removePhoto={removePhoto} />
    </div>
  );
}

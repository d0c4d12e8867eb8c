import { useTranslation } from 'react-i18next';
import { BREACH_DATA_CATEGORIES, type BreachDataCategory } from '../../../../shared/contracts/privacy';
import { Checkbox, FieldError, TextArea, TextField, type FormErrorItem } from '../../../ui';
import {
  TEXT_LIMITS,
  type BreachDraft,
  type BreachErrors,
  type BreachField,
  type Problem,
} from '../breach-form';

/** The control each field's error links to (the categories' is their first checkbox). */
export const BREACH_FIELD_IDS: Record<BreachField, string> = {
  title: 'breach-title',
  discoveredAt: 'breach-discovered-at',
  occurredAt: 'breach-occurred-at',
  description: 'breach-description',
  dataCategories: 'breach-categories',
  subjects: 'breach-subjects',
  subjectsCount: 'breach-subjects-count',
  consequences: 'breach-consequences',
  measures: 'breach-measures',
  contact: 'breach-contact',
};

/** A problem in words. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation('privacy');
  return (problem) => t(problem.key, { max: problem.max });
}

/** The form's errors for its summary, in the order of the fields. */
export function breachErrorSummary(errors: BreachErrors, text: (p: Problem) => string): FormErrorItem[] {
  return (Object.keys(BREACH_FIELD_IDS) as BreachField[])
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: BREACH_FIELD_IDS[field], message: text(errors[field]!) }));
}

/**
 * The fields of a breach, as the notification form asks for them. Times are typed on Vietnam time. The discovery
 * time starts the 72-hour clock, so it is asked when recording and never changed afterwards (`withDiscovery`).
 */
export function BreachFields({
  draft,
  onChange,
  errors,
  serverErrors,
  withDiscovery,
}: {
  draft: BreachDraft;
  onChange: (draft: BreachDraft) => void;
  errors: BreachErrors;
  /** Field errors the server gave, keyed by field name (from `fieldErrorsOf`). */
  serverErrors: Record<string, string>;
  withDiscovery: boolean;
}) {
  const { t } = useTranslation('privacy');
  const problemText = useProblemText();
  const shown = (field: BreachField) =>
    errors[field] ? problemText(errors[field]) : (serverErrors[field] ?? undefined);
  const text = (field: Exclude<BreachField, 'dataCategories'>) => ({
    id: BREACH_FIELD_IDS[field],
    value: draft[field],
    error: shown(field),
    onChange: (e: { target: { value: string } }) => onChange({ ...draft, [field]: e.target.value }),
  });
  const toggle = (category: BreachDataCategory, on: boolean) =>
    onChange({
      ...draft,
      dataCategories: on
        ? [...draft.dataCategories, category]
        : draft.dataCategories.filter((c) => c !== category),
    });
  const categoriesError = shown('dataCategories');

  return (
    <>
      <TextField
        {...text('title')}
        label={t('form.breachTitle')}
        hint={t('form.titleHint')}
        maxLength={TEXT_LIMITS.title}
        autoComplete="off"
      />
      {withDiscovery && (
        <TextField
          {...text('discoveredAt')}
          type="datetime-local"
          label={t('form.discoveredAt')}
          hint={t('form.discoveredAtHint')}
        />
      )}
      <TextField
        {...text('occurredAt')}
        type="datetime-local"
        label={t('form.occurredAt')}
        hint={t('form.occurredAtHint')}
        optional
      />
      <TextArea
        {...text('description')}
        label={t('form.breachDescription')}
        hint={t('form.descriptionHint')}
        rows={5}
        maxLength={TEXT_LIMITS.description}
      />
      <fieldset
        className={categoriesError ? 'fieldset field--invalid' : 'fieldset'}
        aria-describedby={['breach-categories-hint', categoriesError ? 'breach-categories-error' : null]
          .filter(Boolean)
          .join(' ')}
      >
        <legend className="fieldset__legend">{t('form.dataCategories')}</legend>
        <p className="field__hint" id="breach-categories-hint">
          {t('form.dataCategoriesHint')}
        </p>
        {categoriesError && <FieldError id="breach-categories-error" message={categoriesError} />}
        <div className="breach-categories">
          {BREACH_DATA_CATEGORIES.map((category, index) => (
            <Checkbox
              key={category}
              id={index === 0 ? BREACH_FIELD_IDS.dataCategories : `breach-category-${category}`}
              label={t(`categories.${category}`)}
              checked={draft.dataCategories.includes(category)}
              onChange={(e) => toggle(category, e.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      <TextArea
        {...text('subjects')}
        label={t('form.subjects')}
        hint={t('form.subjectsHint')}
        rows={3}
        maxLength={TEXT_LIMITS.subjects}
      />
      <TextField
        {...text('subjectsCount')}
        label={t('form.subjectsCount')}
        inputMode="numeric"
        className="breach-count"
        optional
        autoComplete="off"
      />
      <TextArea
        {...text('consequences')}
        label={t('form.consequences')}
        rows={3}
        optional
        maxLength={TEXT_LIMITS.consequences}
      />
      <TextArea
        {...text('measures')}
        label={t('form.measures')}
        hint={t('form.measuresHint')}
        rows={3}
        optional
        maxLength={TEXT_LIMITS.measures}
      />
      <TextField
        {...text('contact')}
        label={t('form.contact')}
        hint={t('form.contactHint')}
        maxLength={TEXT_LIMITS.contact}
        autoComplete="off"
      />
    </>
  );
}

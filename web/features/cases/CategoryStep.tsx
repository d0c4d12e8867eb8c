import { useTranslation } from 'react-i18next';
import type { CaseCategory } from '../../../shared/contracts/cases';
import { Alert, Button, FieldError, Skeleton, Toggle } from '../../ui';
import { FIELD_IDS } from './report-form';
import type { ReportDraft } from './report-store';

/**
 * Step 1: the topic in plain words, as big tiles (radio inputs in a fieldset, so keyboards, screen readers and the
 * error summary work), and the switch for a petition, which needs no place.
 */
export function CategoryStep({
  draft,
  categories,
  loading,
  failed,
  onRetry,
  error,
  update,
}: {
  draft: ReportDraft;
  categories: readonly CaseCategory[];
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  error: string | undefined;
  update: (patch: Partial<ReportDraft>) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const english = i18n.language.startsWith('en');
  return (
    <div className="stack">
      <Toggle
        label={t('report.petitionSwitch')}
        hint={t('report.petitionHint')}
        checked={draft.kind === 'petition'}
        onChange={(e) =>
          update({ kind: e.target.checked ? 'petition' : 'report', categoryCode: null, attributes: {} })
        }
      />
      <fieldset
        className={error ? 'fieldset field--invalid' : 'fieldset'}
        aria-describedby={error ? `${FIELD_IDS.category}-error` : undefined}
      >
        <legend className="fieldset__legend">{t('report.categoryLegend')}</legend>
        {error && <FieldError id={`${FIELD_IDS.category}-error`} message={error} />}
        {loading && <Skeleton lines={4} />}
        {failed && (
          <Alert tone="error">
            {t('report.categoriesFailed')}{' '}
            <Button variant="secondary" onClick={onRetry}>
              {t('report.retry')}
            </Button>
          </Alert>
        )}
        <div className="case-tiles">
          {categories.map((category, index) => (
            <label
              key={category.code}
              className="case-tile"
              htmlFor={index === 0 ? FIELD_IDS.category : `${FIELD_IDS.category}-${index}`}
            >
              <input
                id={index === 0 ? FIELD_IDS.category : `${FIELD_IDS.category}-${index}`}
                type="radio"
                name="report-category"
                value={category.code}
                checked={draft.categoryCode === category.code}
                onChange={() => update({ categoryCode: category.code, attributes: {} })}
              />
              <span className="case-tile__text">
                <span className="case-tile__name">{english ? category.nameEn : category.name}</span>
                {(english ? category.descriptionEn : category.description) && (
                  <span className="case-tile__hint">
                    {english ? category.descriptionEn : category.description}
                  </span>
                )}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { UnitPicker, type UnitChoice } from '../geography/UnitPicker';
import { FIELD_IDS, type HelpDraft } from './help-draft';

function choiceOf(d: HelpDraft, provinceCode: string): UnitChoice | null {
  if (!d.communeCode) return null;
  const hamlet = d.hamletId !== null;
  const name = (hamlet ? d.hamletName : d.communeName) ?? d.hamletId ?? d.communeCode;
  return {
    code: hamlet ? d.hamletId! : d.communeCode,
    level: hamlet ? 'hamlet' : 'commune',
    name,
    fullName: name,
    provinceCode,
    communeCode: d.communeCode,
  };
}

/**
 * The commune and (optional) hamlet, with the picker the report form uses. Its own chunk, loaded right after the
 * page's first paint, so the form's first download stays within the public pages' 150 KB budget.
 */
export function PlaceField({
  draft,
  provinceCode,
  error,
  update,
}: {
  draft: HelpDraft;
  provinceCode: string | null;
  error: string | undefined;
  update: (patch: Partial<HelpDraft>) => void;
}) {
  const { t } = useTranslation('help-requests');
  return (
    <UnitPicker
      id={FIELD_IDS.place}
      label={t('form.place')}
      hint={t('form.placeHint')}
      error={error}
      value={choiceOf(draft, provinceCode ?? '')}
      selectable={['commune', 'hamlet']}
      startCode={draft.communeCode ? undefined : provinceCode}
      onChange={(choice) =>
        update({
          communeCode: choice.communeCode,
          communeName: choice.level === 'commune' ? choice.fullName : draft.communeName,
          hamletId: choice.level === 'hamlet' ? choice.code : null,
          hamletName: choice.level === 'hamlet' ? choice.fullName : null,
        })
      }
    />
  );
}

import { useTranslation } from 'react-i18next';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { MAX_CASE_PHOTOS } from '../../../shared/contracts/cases';
import { CASE_SEVERITIES, type CaseSeverity } from '../../../shared/rules/case-workflow';
import { Checkbox, RadioGroup, Select, TextArea, TextField } from '../../ui';
import { TemplatePicker } from './TemplatePicker';
import { useAgencies, useCategories } from './queries';

/** The fields of one workflow step's dialog; the draft and its errors are held by ActionPanel. */
export interface ActionDraft {
  severity: CaseSeverity;
  categoryCode: string;
  assign: boolean;
  agencyId: string;
  text: string;
  notCompetent: boolean;
  code: string;
  photos: File[];
}

export type ActionKind = 'accept' | 'refuse' | 'assign' | 'reassign' | 'start' | 'answer' | 'close' | 'merge';

export function initialDraft(c: HandlerCase): ActionDraft {
  return {
    severity: c.severity,
    categoryCode: c.categoryCode,
    assign: c.suggestedAgencyId !== null,
    agencyId: '',
    text: '',
    notCompetent: false,
    code: '',
    photos: [],
  };
}

export function ActionFields({
  action,
  caseView,
  draft,
  errors,
  onChange,
}: {
  action: ActionKind;
  caseView: HandlerCase;
  draft: ActionDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<ActionDraft>) => void;
}) {
  const { t, i18n } = useTranslation('case-handling');
  const needsAgencies = action === 'accept' || action === 'assign' || action === 'reassign';
  const agencies = useAgencies(needsAgencies);
  const categories = useCategories();
  const vi = i18n.language.startsWith('vi');
  const err = (key: string) => (errors[key] ? t(errors[key]) : null);
  const suggested = agencies.data?.find((a) => a.id === caseView.suggestedAgencyId);
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active && a.id !== (action === 'reassign' ? caseView.agencyId : null))
    .map((a) => ({ value: a.id, label: vi ? a.name : (a.nameEn ?? a.name) }));
  // The case's own category is always offered, even when it is not a citizens' one (a team's proposal theme).
  const listed = (categories.data ?? []).map((c) => ({ value: c.code, label: vi ? c.name : c.nameEn }));
  const categoryOptions = listed.some((o) => o.value === caseView.categoryCode)
    ? listed
    : [{ value: caseView.categoryCode, label: caseView.categoryName }, ...listed];
  const agencyName = suggested ? (vi ? suggested.name : (suggested.nameEn ?? suggested.name)) : null;

  const agencySelect = (
    <Select
      label={t('assign.agency')}
      value={draft.agencyId}
      placeholder={
        action !== 'reassign' && agencyName ? t('accept.suggested', { name: agencyName }) : t('common.choose')
      }
      hint={action !== 'reassign' && !caseView.suggestedAgencyId ? t('accept.noSuggestion') : undefined}
      options={agencyOptions}
      error={err('agencyId')}
      onChange={(e) => onChange({ agencyId: e.target.value })}
    />
  );
  const textArea = (label: string, key = 'text', hint?: string) => (
    <TextArea
      label={label}
      hint={hint}
      value={draft.text}
      rows={4}
      maxLength={action === 'answer' ? 8000 : 2000}
      error={err(key)}
      onChange={(e) => onChange({ text: e.target.value })}
    />
  );

  switch (action) {
    case 'accept':
      return (
        <>
          <RadioGroup
            legend={t('accept.severity')}
            hint={t('accept.severityHint')}
            name="severity"
            value={draft.severity}
            options={CASE_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            onChange={(value) => onChange({ severity: value as CaseSeverity })}
          />
          <Select
            label={t('accept.category')}
            value={draft.categoryCode}
            options={categoryOptions}
            onChange={(e) => onChange({ categoryCode: e.target.value })}
          />
          <Checkbox
            label={t('accept.assign')}
            checked={draft.assign}
            onChange={(e) => onChange({ assign: e.target.checked })}
          />
          {draft.assign && agencySelect}
          <TemplatePicker purpose="accept" onPick={(body) => onChange({ text: body })} />
          {textArea(t('actions.message'), 'text', t('actions.messageHint'))}
        </>
      );
    case 'refuse':
      return (
        <>
          <TemplatePicker purpose="refuse" onPick={(body) => onChange({ text: body })} />
          {textArea(t('refuse.reason'), 'reason')}
          <Checkbox
            label={t('refuse.notCompetent')}
            checked={draft.notCompetent}
            onChange={(e) => onChange({ notCompetent: e.target.checked })}
          />
        </>
      );
    case 'assign':
      return (
        <>
          {agencySelect}
          {textArea(t('actions.message'), 'text', t('actions.messageHint'))}
        </>
      );
    case 'reassign':
      return (
        <>
          {agencySelect}
          <TemplatePicker purpose="reassign" onPick={(body) => onChange({ text: body })} />
          {textArea(t('assign.reason'), 'reason')}
        </>
      );
    case 'answer':
      return (
        <>
          <TemplatePicker purpose="answer" onPick={(body) => onChange({ text: body })} />
          {textArea(t('answer.text'), 'text')}
          <TextField
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic"
            multiple
            label={t('answer.photos', { max: MAX_CASE_PHOTOS })}
            hint={t('answer.photosHint')}
            error={err('photos')}
            onChange={(e) => onChange({ photos: Array.from(e.target.files ?? []) })}
          />
        </>
      );
    case 'merge':
      return (
        <TextField
          label={t('merge.code')}
          hint={t('merge.codeHint')}
          value={draft.code}
          maxLength={30}
          autoComplete="off"
          error={err('code')}
          onChange={(e) => onChange({ code: e.target.value })}
        />
      );
    case 'start':
    case 'close':
      return textArea(t('actions.message'), 'text', t('actions.messageHint'));
  }
}

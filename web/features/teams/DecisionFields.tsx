import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui';

export interface DecisionDraft {
  number: string;
  date: string;
  signer: string;
}

export const EMPTY_DECISION: DecisionDraft = { number: '', date: '', signer: '' };

/** Number, date and signer of a commune chairman's decision (founding or dissolving a team). */
export function DecisionFields({
  value,
  onChange,
  errors,
  prefix = 'decision.',
  idPrefix = 'decision',
}: {
  value: DecisionDraft;
  onChange: (next: DecisionDraft) => void;
  /** Field errors keyed by the server's path ("decision.number"…). */
  errors: Record<string, string>;
  prefix?: string;
  idPrefix?: string;
}) {
  const { t } = useTranslation('teams');
  const set = (patch: Partial<DecisionDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField
        id={`${idPrefix}-number`}
        label={t('form.decisionNumber')}
        hint={t('form.decisionNumberHint')}
        value={value.number}
        maxLength={60}
        error={errors[`${prefix}number`]}
        onChange={(e) => set({ number: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-date`}
        type="date"
        label={t('form.decisionDate')}
        value={value.date}
        error={errors[`${prefix}date`]}
        onChange={(e) => set({ date: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-signer`}
        label={t('form.decisionSigner')}
        value={value.signer}
        maxLength={120}
        autoComplete="off"
        error={errors[`${prefix}signer`]}
        onChange={(e) => set({ signer: e.target.value })}
      />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { CaseSeverity, CaseState } from '../../../shared/rules/case-workflow';
import { formatDateTime, isoDateTime } from '../../app/format';
import { Tag, type TagTone } from '../../ui';

/** Status words shared by the handlers' screens. The word carries the meaning; the colour only repeats it. */

const STATE_TONES: Record<CaseState, TagTone> = {
  submitted: 'warning',
  accepted: 'info',
  assigned: 'info',
  in_progress: 'info',
  answered: 'success',
  closed: 'neutral',
  refused: 'neutral',
  merged: 'neutral',
};

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation('case-handling');
  return <Tag tone={STATE_TONES[state]}>{t(`state.${state}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: CaseSeverity }) {
  const { t } = useTranslation('case-handling');
  return <Tag tone={severity === 'urgent' ? 'danger' : 'neutral'}>{t(`severity.${severity}`)}</Tag>;
}

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue';
const DEADLINE_TONES: Record<DeadlineState, TagTone> = {
  on_time: 'success',
  due_soon: 'warning',
  overdue: 'danger',
};

/** "Quá hạn · Hạn 28/11/2026 17:00": the status in words, then the instant on Vietnam time. */
export function DeadlineTag({ status, dueAt }: { status: DeadlineState | null; dueAt: string | null }) {
  const { t } = useTranslation('case-handling');
  if (!status || !dueAt) return <span className="muted">{t('deadline.none')}</span>;
  return (
    <span className="case-deadline">
      <Tag tone={DEADLINE_TONES[status]}>{t(`deadline.${status}`)}</Tag>{' '}
      <time dateTime={isoDateTime(dueAt)}>{t('deadline.due', { when: formatDateTime(dueAt) })}</time>
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { HelpRequestState } from '../../../shared/rules/help-request-workflow';
import { Tag, type TagTone } from '../../ui';

const TONE: Record<HelpRequestState, TagTone> = {
  new: 'warning',
  assigned: 'info',
  scheduled: 'info',
  done: 'success',
  could_not_reach: 'neutral',
  cancelled: 'neutral',
};

export function StateTag({ state }: { state: HelpRequestState }) {
  const { t } = useTranslation('help-request-handling');
  return <Tag tone={TONE[state]}>{t(`states.${state}`)}</Tag>;
}

/** Open and past its 2-working-day call deadline with nobody having called. */
export function isCallOverdue(item: { state: HelpRequestState; callDueAt: string }, now = Date.now()) {
  return item.state === 'new' || item.state === 'assigned' ? Date.parse(item.callDueAt) < now : false;
}

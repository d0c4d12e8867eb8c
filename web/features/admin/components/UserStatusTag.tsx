import { useTranslation } from 'react-i18next';
import { Tag, type TagTone } from '../../../ui';

const TONES: Record<string, TagTone> = { active: 'success', invited: 'info', disabled: 'danger' };

export function UserStatusTag({ status }: { status: 'active' | 'invited' | 'disabled' }) {
  const { t } = useTranslation('admin');
  return <Tag tone={TONES[status] ?? 'neutral'}>{t(`users.statuses.${status}`)}</Tag>;
}

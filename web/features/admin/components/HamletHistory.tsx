import { useTranslation } from 'react-i18next';
import type { HamletDetail } from '../../../../shared/contracts/units';
import { formatDateTime, isoDateTime } from '../../../app/format';
import { ChangeDiff } from './ChangeDiff';

/** Every change of a hamlet, newest first, each with what it changed. */
export function HamletHistory({ history }: { history: HamletDetail['history'] }) {
  const { t } = useTranslation('admin');
  if (history.length === 0) return <p className="muted">{t('hamlet.noHistory')}</p>;
  const newestFirst = [...history].reverse();
  return (
    <ol className="admin-history">
      {newestFirst.map((change) => {
        const label = t(`hamlet.changes.${change.change}`);
        const at = formatDateTime(change.at);
        return (
          <li key={change.id}>
            <p>
              <strong>{label}</strong> · <time dateTime={isoDateTime(change.at)}>{at}</time>
            </p>
            <ChangeDiff before={change.before} after={change.after} caption={`${label} ${at}`} onlyChanged />
          </li>
        );
      })}
    </ol>
  );
}

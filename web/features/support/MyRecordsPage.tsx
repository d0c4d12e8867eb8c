import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui';
import { ListBody } from './ListBody';
import { OUTBOX_PATH } from './paths';
import { usePagedRecords } from './records-queries';
import { RecordsTable } from './RecordsTable';
import './support.css';

/** A member's own history as the server has it (what still waits on the device is on the outbox page). */
export function MyRecordsPage() {
  const { t } = useTranslation('support');
  const paged = usePagedRecords({ mine: 'true' });
  return (
    <div className="stack">
      <PageHeader
        title={t('lists.mineTitle')}
        description={t('lists.mineIntro')}
        actions={<a href={OUTBOX_PATH}>{t('outbox.title')}</a>}
      />
      <ListBody paged={paged}>
        <RecordsTable
          records={paged.records}
          caption={t('lists.caption')}
          showTeam
          empty={<EmptyState title={t('lists.mineEmpty')} />}
        />
      </ListBody>
    </div>
  );
}

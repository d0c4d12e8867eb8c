import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportRecord } from '../../../shared/contracts/support';
import { formatDateTime } from '../../app/format';
import { DataTable, Tag, type DataColumn } from '../../ui';
import { DISPLAY_STATUS_TONES, displayStatusKey, recordDisplayStatus } from './record-status';
import { useServiceCatalogue } from './records-queries';

/** Server records as a table (cards on phones). Which columns show depends on who reads: a member, a leader, an officer. */
export function RecordsTable({
  records,
  caption,
  showAuthor = false,
  showTeam = false,
  actions,
  empty,
}: {
  records: readonly SupportRecord[];
  caption: ReactNode;
  showAuthor?: boolean;
  showTeam?: boolean;
  actions?: (record: SupportRecord) => ReactNode;
  empty: ReactNode;
}) {
  const { t, i18n } = useTranslation('support');
  const catalogue = useServiceCatalogue();
  const english = i18n.language.startsWith('en');
  const names = new Map((catalogue.data ?? []).map((s) => [s.code, english ? s.nameEn : s.name]));

  const columns: DataColumn<SupportRecord>[] = [
    {
      key: 'when',
      header: t('record.when'),
      primary: true,
      render: (r) => <time dateTime={r.occurredAt}>{formatDateTime(r.occurredAt)}</time>,
    },
    ...(showTeam
      ? [{ key: 'team', header: t('record.team'), render: (r: SupportRecord) => r.teamName ?? r.teamId }]
      : []),
    { key: 'hamlet', header: t('record.hamlet'), render: (r) => r.hamletName ?? r.hamletId },
    {
      key: 'services',
      header: t('record.services'),
      render: (r) => (
        <>
          {r.services.map((code) => names.get(code) ?? code).join(', ')}
          {r.note && (
            <span className="muted">
              <br />
              {t('record.noteLabel')}: {r.note}
            </span>
          )}
        </>
      ),
    },
    { key: 'outcome', header: t('record.outcome'), render: (r) => t(`capture.outcomes.${r.outcome}`) },
    {
      key: 'person',
      header: t('record.person'),
      render: (r) =>
        `${t(`capture.ageBands.${r.person.ageBand}`)}, ${t(`capture.genders.${r.person.gender}`)}`,
    },
    ...(showAuthor
      ? [{ key: 'author', header: t('record.author'), render: (r: SupportRecord) => r.author.name ?? '—' }]
      : []),
    {
      key: 'review',
      header: t('record.review'),
      render: (r) => {
        const status = recordDisplayStatus(r);
        return (
          <>
            <Tag tone={DISPLAY_STATUS_TONES[status]}>{t(displayStatusKey(status))}</Tag>
            {r.state === 'active' && r.review.note && <span className="muted"> {r.review.note}</span>}
            {r.retraction && <span className="muted"> {r.retraction.reason}</span>}
          </>
        );
      },
    },
    ...(actions ? [{ key: 'actions', header: t('record.actions'), actions: true, render: actions }] : []),
  ];

  return (
    <DataTable
      caption={caption}
      captionHidden
      columns={columns}
      rows={records}
      rowKey={(r) => r.id}
      empty={empty}
    />
  );
}

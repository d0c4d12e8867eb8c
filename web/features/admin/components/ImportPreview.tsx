import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../../../shared/contracts/units';
import { DataTable, Tag, type DataColumn, type TagTone } from '../../../ui';

const TONES: Record<ImportRow['action'], TagTone> = {
  create: 'success',
  update: 'info',
  skip: 'neutral',
  error: 'danger',
};

/** Each CSV line with what the import would do, and for a refused line every reason in the reader's language. */
export function ImportPreview({ rows }: { rows: ImportRow[] }) {
  const { t, i18n } = useTranslation('admin');
  const vi = i18n.language.startsWith('vi');
  const columns: DataColumn<ImportRow>[] = [
    {
      key: 'line',
      header: t('import.line'),
      primary: true,
      render: (row) => `${t('import.line')} ${row.line}`,
    },
    {
      key: 'action',
      header: t('import.action'),
      render: (row) => <Tag tone={TONES[row.action]}>{t(`import.actions.${row.action}`)}</Tag>,
    },
    {
      key: 'commune',
      header: t('import.commune_code'),
      render: (row) => row.communeCode ?? t('common.none'),
    },
    { key: 'name', header: t('import.name'), render: (row) => row.name || t('common.none') },
    {
      key: 'kind',
      header: t('import.kind'),
      render: (row) => (row.kind ? t(`geography:kinds.${row.kind}`) : t('common.none')),
    },
    { key: 'localCode', header: t('import.local_code'), render: (row) => row.localCode ?? t('common.none') },
    {
      key: 'errors',
      header: t('import.errors'),
      render: (row) =>
        row.errors.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="admin-plain-list admin-errors">
            {row.errors.map((error, index) => (
              <li key={index}>
                <strong>{t(`import.${error.field}`, { defaultValue: error.field })}:</strong>{' '}
                {vi ? error.messageVi : error.message}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('import.caption')}
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.line)}
      cardHeadingLevel={3}
    />
  );
}

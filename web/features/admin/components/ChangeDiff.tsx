import { useTranslation } from 'react-i18next';
import { Tag } from '../../../ui';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown, none: string): string {
  if (value === undefined || value === null || value === '') return none;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field-by-field comparison of two snapshots; a value that is not an object counts as one field named "". */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { '': before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { '': after };
  const fields = Array.from(new Set([...Object.keys(b), ...Object.keys(a)])).sort();
  return fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null),
  }));
}

/**
 * Before/after of one change as a small table. Changed fields say so in words (a tag), not only by colour, and
 * come first; `onlyChanged` hides the rest (history lists stay short).
 */
export function ChangeDiff({
  before,
  after,
  caption,
  onlyChanged = false,
}: {
  before: unknown;
  after: unknown;
  caption: string;
  onlyChanged?: boolean;
}) {
  const { t } = useTranslation('admin');
  const none = t('common.none');
  const rows = diffRows(before, after)
    .filter((row) => !onlyChanged || row.changed)
    .sort((x, y) => Number(y.changed) - Number(x.changed));
  if (rows.length === 0) return <p className="muted">{t('audit.noData')}</p>;
  return (
    <table className="diff-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={row.changed ? 'diff-table__changed' : undefined}>
            <th scope="row">
              <code>{row.field || none}</code>
              {!onlyChanged && (
                <>
                  {' '}
                  <Tag tone={row.changed ? 'warning' : 'neutral'}>
                    {row.changed ? t('audit.changed') : t('audit.unchanged')}
                  </Tag>
                </>
              )}
            </th>
            <td>{show(row.before, none)}</td>
            <td>{show(row.after, none)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

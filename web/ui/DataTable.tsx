import { useId, type ReactNode } from 'react';
import { NARROW_QUERY, useMediaQuery } from './useMediaQuery';

export interface DataColumn<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** The column that names the row: a row header in the table, the card's title in the list. */
  primary?: boolean;
  /** Buttons/links for the row: shown without a label at the foot of each card. */
  actions?: boolean;
}

type HeadingLevel = 2 | 3 | 4;

/**
 * A table on wide screens and a list of cards under 640 px, where a table would need sideways scrolling. Only one of
 * the two is in the DOM, so assistive technology meets each row once.
 */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  cardHeadingLevel = 3,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  cardHeadingLevel?: HeadingLevel;
}) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const captionId = useId();
  if (rows.length === 0 && empty) return <>{empty}</>;

  const primary = columns.find((c) => c.primary) ?? columns[0];
  if (narrow) {
    const Heading = `h${cardHeadingLevel}` as const;
    const fields = columns.filter((c) => c !== primary && !c.actions);
    const actions = columns.filter((c) => c.actions);
    return (
      <div className="record-list-wrap">
        <p id={captionId} className={captionHidden ? 'visually-hidden' : 'record-list__caption'}>
          {caption}
        </p>
        <ul className="record-list" aria-labelledby={captionId}>
          {rows.map((row) => (
            <li key={rowKey(row)} className="record-card">
              {primary && <Heading className="record-card__title">{primary.render(row)}</Heading>}
              {fields.length > 0 && (
                <dl className="record-card__fields">
                  {fields.map((column) => (
                    <div key={column.key} className="record-card__field">
                      <dt>{column.header}</dt>
                      <dd>{column.render(row)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {actions.map((column) => (
                <div key={column.key} className="record-card__actions cluster">
                  {column.render(row)}
                </div>
              ))}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.actions ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column === primary ? (
                  <th key={column.key} scope="row">
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key}>{column.render(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

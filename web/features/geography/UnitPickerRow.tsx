import { useTranslation } from 'react-i18next';
import { Button, Tag } from '../../ui';
import { isHamletRow, type UnitRow } from './units-queries';

/** One row of the picker: the unit's name (a button that opens it, when it has children) and "Choose". */
export function UnitRowItem({
  row,
  chosen,
  openable,
  choosable,
  onOpen,
  onChoose,
}: {
  row: UnitRow;
  chosen: boolean;
  openable: boolean;
  choosable: boolean;
  onOpen: () => void;
  onChoose: () => void;
}) {
  const { t } = useTranslation('geography');
  const typeLabel = isHamletRow(row) ? t(`kinds.${row.kind}`) : row.type;
  const inactive = isHamletRow(row) && row.status !== 'active';
  const name = (
    <>
      <span className="unit-picker__name">{row.fullName}</span>
      <span className="unit-picker__meta">
        {typeLabel}
        {isHamletRow(row) && row.localCode ? ` · ${row.localCode}` : ''}
        {!isHamletRow(row) ? ` · ${row.code}` : ''}
        {inactive && isHamletRow(row) ? ` · ${t(`statuses.${row.status}`)}` : ''}
      </span>
    </>
  );
  return (
    <li className={chosen ? 'unit-picker__item unit-picker__item--chosen' : 'unit-picker__item'}>
      {openable ? (
        <button type="button" className="unit-picker__open" onClick={onOpen}>
          <span className="unit-picker__label">{name}</span>
          <span className="unit-picker__more">
            {row.level === 'province' ? t('picker.openCommunes') : t('picker.openHamlets')}
            <span aria-hidden="true"> ›</span>
          </span>
        </button>
      ) : (
        <span className="unit-picker__label unit-picker__label--static">{name}</span>
      )}
      {chosen ? (
        <span className="unit-picker__choice">
          <Tag tone="success">{t('picker.current')}</Tag>
        </span>
      ) : choosable ? (
        <span className="unit-picker__choice">
          <Button variant="secondary" onClick={onChoose}>
            {t('picker.choose')}
            <span className="visually-hidden"> {row.fullName}</span>
          </Button>
        </span>
      ) : null}
    </li>
  );
}

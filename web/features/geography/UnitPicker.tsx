import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Button, FieldError, Skeleton } from '../../ui';
import { UnitRowItem } from './UnitPickerRow';
import {
  childLevelOf,
  isHamletRow,
  levelOfCode,
  useUnitDetail,
  useUnitList,
  type PickerLevel,
  type UnitRow,
} from './units-queries';
import './unit-picker.css';

/** What a picker hands back: enough to show the choice and to send its code to the server. */
export interface UnitChoice {
  /** 2-digit province code, 5-digit commune code, or a hamlet id. */
  code: string;
  level: PickerLevel;
  name: string;
  fullName: string;
  provinceCode: string;
  /** The commune of a hamlet (or the commune itself). */
  communeCode: string | null;
}

export type { PickerLevel } from './units-queries';

export function toUnitChoice(row: UnitRow): UnitChoice {
  if (isHamletRow(row)) {
    return {
      code: row.id,
      level: 'hamlet',
      name: row.name,
      fullName: row.fullName,
      provinceCode: row.provinceCode,
      communeCode: row.communeCode,
    };
  }
  const level: PickerLevel = row.level === 'province' ? 'province' : 'commune';
  return {
    code: row.code,
    level,
    name: row.name,
    fullName: row.fullName,
    provinceCode: row.provinceCode,
    communeCode: level === 'commune' ? row.code : null,
  };
}

const DEPTH: Record<PickerLevel, number> = { province: 0, commune: 1, hamlet: 2 };

function depthOf(row: UnitRow): number {
  return DEPTH[toUnitChoice(row).level];
}
const SEARCH_DELAY_MS = 300;
/** Rows shown at first; a province has ~100 communes, which is a long scroll on a phone (search is quicker). */
const SHOW_STEP = 15;

/** The node whose children are listed first: the chosen unit's parent, so the choice is visible in the list. */
function parentOfChoice(choice: UnitChoice | null): string | null {
  if (!choice) return null;
  if (choice.level === 'hamlet') return choice.communeCode || null;
  if (choice.level === 'commune') return choice.provinceCode || null;
  return null;
}

export interface UnitPickerProps {
  /** The group's visible name, e.g. "Đơn vị" or "Xã, phường". */
  label: ReactNode;
  value: UnitChoice | null;
  onChange: (choice: UnitChoice) => void;
  /** Levels that may be chosen (default: all). */
  selectable?: readonly PickerLevel[];
  /** How deep the tree opens (default: hamlets). */
  deepest?: PickerLevel;
  /** The province or commune whose children are listed first (default: the parent of `value`, else all provinces). */
  startCode?: string | null;
  hint?: ReactNode;
  error?: string | null;
  /** Given to the search box, so a form's error summary can jump to the picker. */
  id?: string;
}

/**
 * The unit picker every feature uses: a drill-down list with a breadcrumb (province → communes → hamlets) and a
 * search box that ignores diacritics. A drill-down list rather than a tree widget: at 360 px a nested tree runs
 * out of width after two levels, while one level at a time keeps full-width rows with 48 px targets, and plain
 * buttons work with Tab/Enter/Space and every screen reader. The choice is announced through a live region.
 */
export function UnitPicker({
  label,
  value,
  onChange,
  selectable = ['province', 'commune', 'hamlet'],
  deepest = 'hamlet',
  startCode,
  hint,
  error,
  id,
}: UnitPickerProps) {
  const { t, i18n } = useTranslation('geography');
  const autoId = useId();
  const baseId = id ?? autoId;
  const [openCode, setOpenCode] = useState<string | null>(startCode ?? parentOfChoice(value));
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [shown, setShown] = useState(SHOW_STEP);
  const [browsing, setBrowsing] = useState(false);
  const listLabelRef = useRef<HTMLParagraphElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const movedByUser = useRef(false);
  // Once something is chosen the tree folds away (a province's list is long on a phone); "Change" opens it again.
  const expanded = browsing || value === null;

  // The start may arrive after the first render (it often comes from GET /api/v1/me).
  const requestedStart = startCode ?? null;
  const [appliedStart, setAppliedStart] = useState(requestedStart);
  if (requestedStart !== appliedStart) {
    setAppliedStart(requestedStart);
    if (!movedByUser.current && requestedStart !== null) setOpenCode(requestedStart);
  }

  useEffect(() => {
    const next = typed.trim();
    if (next === q) return;
    const timer = window.setTimeout(() => setQ(next), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed, q]);

  const openLevel = openCode === null ? null : levelOfCode(openCode);
  const openDetail = useUnitDetail(openCode);
  const provinceCode = openLevel === 'commune' ? (openDetail.data?.provinceCode ?? null) : null;
  const provinceDetail = useUnitDetail(provinceCode);
  const searching = q.length > 0;
  const list = useUnitList({ parentCode: openCode, q: searching ? q : undefined }, expanded);

  const openName = openDetail.data?.fullName ?? '';
  const openChoice = openDetail.data ? toUnitChoice(openDetail.data) : null;
  const rows = list.data?.items ?? [];

  const choose = (choice: UnitChoice) => {
    onChange(choice);
    setBrowsing(false);
    // The list (and the pressed button) disappears: focus goes to "Change", the live region says what was chosen.
    window.requestAnimationFrame(() => changeRef.current?.focus());
  };
  const browse = () => {
    setBrowsing(true);
    window.requestAnimationFrame(() => listLabelRef.current?.focus());
  };

  const moveTo = (code: string | null) => {
    movedByUser.current = true;
    setOpenCode(code);
    setTyped('');
    setQ('');
    setShown(SHOW_STEP);
    // The list below is replaced: move focus to its label so keyboard and screen-reader users keep their place.
    window.requestAnimationFrame(() => listLabelRef.current?.focus());
  };

  const canOpen = (row: UnitRow) => depthOf(row) < DEPTH[deepest];
  const canChoose = (row: UnitRow) => {
    const level = toUnitChoice(row).level;
    return selectable.includes(level) && (!isHamletRow(row) || row.status === 'active');
  };

  const listLabel = searching
    ? t('picker.results', { q, count: rows.length })
    : openCode === null
      ? t('picker.listOfProvinces')
      : childLevelOf(openCode) === 'commune'
        ? t('picker.listOfCommunes', { name: openName })
        : t('picker.listOfHamlets', { name: openName });

  const crumbs: { code: string | null; name: string }[] = [{ code: null, name: t('picker.country') }];
  if (openLevel === 'commune' && provinceCode) {
    crumbs.push({ code: provinceCode, name: provinceDetail.data?.fullName ?? provinceCode });
  }
  if (openCode !== null) crumbs.push({ code: openCode, name: openName || openCode });

  const listId = `${baseId}-list`;
  const listLabelId = `${baseId}-list-label`;
  const hintId = hint ? `${baseId}-hint` : undefined;

  return (
    <fieldset className={error ? 'fieldset unit-picker field--invalid' : 'fieldset unit-picker'}>
      <legend className="fieldset__legend">{label}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldError id={`${baseId}-error`} message={error} />}

      <p className="unit-picker__chosen" aria-live="polite">
        {value ? (
          <>
            {t('picker.chosenPrefix')} <strong>{value.fullName}</strong>
          </>
        ) : (
          <span className="muted">{t('picker.nothingChosen')}</span>
        )}
      </p>

      {!expanded ? (
        <Button ref={changeRef} variant="secondary" onClick={browse}>
          {t('picker.change')}
        </Button>
      ) : (
        <>
          <nav aria-label={t('picker.breadcrumbLabel')}>
            <ol className="unit-picker__crumbs">
              {crumbs.map((crumb, index) => {
                const last = index === crumbs.length - 1;
                return (
                  <li key={crumb.code ?? 'root'}>
                    {last ? (
                      <span aria-current="location">{crumb.name}</span>
                    ) : (
                      <button type="button" className="unit-picker__crumb" onClick={() => moveTo(crumb.code)}>
                        {crumb.name}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </nav>

          <div className="field unit-picker__search">
            <label className="field__label" htmlFor={baseId}>
              {openCode === null ? t('picker.searchLabel') : t('picker.searchIn', { name: openName })}
            </label>
            <p className="field__hint" id={`${baseId}-search-hint`}>
              {t('picker.searchHint')}
            </p>
            <div className="unit-picker__search-row">
              <input
                id={baseId}
                type="search"
                className="input"
                value={typed}
                autoComplete="off"
                aria-describedby={[`${baseId}-search-hint`, hintId, error ? `${baseId}-error` : null]
                  .filter(Boolean)
                  .join(' ')}
                aria-controls={listId}
                onChange={(event) => setTyped(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    // Enter searches at once instead of submitting the surrounding form.
                    event.preventDefault();
                    setQ(typed.trim());
                  }
                }}
              />
              {typed && (
                <Button variant="ghost" onClick={() => moveTo(openCode)}>
                  {t('picker.clearSearch')}
                </Button>
              )}
            </div>
          </div>

          {openChoice &&
            !searching &&
            selectable.includes(openChoice.level) &&
            value?.code !== openChoice.code && (
              <p>
                <Button variant="secondary" onClick={() => choose(openChoice)}>
                  {t('picker.chooseOpen', { name: openChoice.fullName })}
                </Button>
              </p>
            )}
          <p id={listLabelId} ref={listLabelRef} tabIndex={-1} className="unit-picker__list-label">
            {listLabel}
          </p>
          <div id={listId}>
            {list.isPending ? (
              <Skeleton lines={4} />
            ) : list.isError ? (
              <div role="alert" className="stack">
                <p>
                  {t('picker.loadFailed')}{' '}
                  {list.error instanceof ApiError ? list.error.messageIn(i18n.language) : null}
                </p>
                <Button variant="secondary" onClick={() => void list.refetch()}>
                  {t('picker.retry')}
                </Button>
              </div>
            ) : rows.length === 0 ? (
              <p className="muted" role="status">
                {searching
                  ? t('picker.noResults', { q })
                  : openLevel === 'commune'
                    ? t('picker.emptyHamlets')
                    : t('picker.empty')}
              </p>
            ) : (
              <>
                <ul className="unit-picker__list" aria-labelledby={listLabelId}>
                  {rows
                    .filter((row, index) => index < shown || value?.code === toUnitChoice(row).code)
                    .map((row) => (
                      <UnitRowItem
                        key={row.code}
                        row={row}
                        chosen={value?.code === toUnitChoice(row).code}
                        openable={canOpen(row)}
                        choosable={canChoose(row)}
                        onOpen={() => moveTo(row.code)}
                        onChoose={() => choose(toUnitChoice(row))}
                      />
                    ))}
                </ul>
                {rows.length > shown && (
                  <p className="unit-picker__show-more">
                    <Button variant="secondary" onClick={() => setShown((n) => n + SHOW_STEP * 2)}>
                      {t('picker.showMore', { count: rows.length - shown })}
                    </Button>
                  </p>
                )}
              </>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}

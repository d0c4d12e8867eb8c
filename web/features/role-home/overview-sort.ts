import type { ProvinceRow } from '../../../shared/contracts/home';

export type OverviewColumn = Exclude<keyof ProvinceRow, 'communeCode'>;
export interface OverviewSort {
  column: OverviewColumn;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('vi');

/** The rows in the chosen order; ties keep the communes' names in order, so a sort is stable and predictable. */
export function sortOverview(rows: readonly ProvinceRow[], sort: OverviewSort): ProvinceRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const byName = collator.compare(a.communeName, b.communeName);
    if (sort.column === 'communeName') return sign * byName;
    return sign * (a[sort.column] - b[sort.column]) || byName;
  });
}

/** Pressing a heading: the same column flips; a new figure starts with the largest first, names from A. */
export function nextSort(current: OverviewSort, column: OverviewColumn): OverviewSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: column === 'communeName' ? 'ascending' : 'descending' };
}

import type { AgeBand, TeamStats } from '../../../shared/contracts/support';

export const AGE_BANDS_ORDER: readonly AgeBand[] = ['under_18', '18_39', '40_59', '60_plus'];

export interface PeopleInBand {
  total: number;
  female: number;
  male: number;
  /** "other" and "unknown" together: both are small and neither says more on its own. */
  other: number;
}

/** Folds the server's age band × gender cells into one line per age band. */
export function summarisePeople(cells: TeamStats['people']): Record<AgeBand, PeopleInBand> {
  const empty = (): PeopleInBand => ({ total: 0, female: 0, male: 0, other: 0 });
  const result: Record<AgeBand, PeopleInBand> = {
    under_18: empty(),
    '18_39': empty(),
    '40_59': empty(),
    '60_plus': empty(),
  };
  for (const cell of cells) {
    const band = result[cell.ageBand];
    band.total += cell.count;
    if (cell.gender === 'female') band.female += cell.count;
    else if (cell.gender === 'male') band.male += cell.count;
    else band.other += cell.count;
  }
  return result;
}

/** "2026-W48" → the Monday of that ISO week, as a UTC date at noon (safe to format in any zone). */
export function mondayOfIsoWeek(week: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return new Date(Number.NaN);
  const year = Number(match[1]);
  const n = Number(match[2]);
  // ISO week 1 holds January 4th; go back to its Monday, then forward n - 1 weeks.
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const dayOfWeek = (jan4.getUTCDay() + 6) % 7;
  return new Date(jan4.getTime() + ((n - 1) * 7 - dayOfWeek) * 86_400_000);
}

export interface TargetView {
  key: string;
  name: string;
  target: number;
  actual: number;
}

/**
 * The indicators module fills `targets`; until then it is empty. Items that carry a name, a target and an actual
 * value are shown; anything else is left out rather than shown half-understood.
 */
export function readTargets(items: readonly unknown[]): TargetView[] {
  const views: TargetView[] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null) return;
    const record = item as Record<string, unknown>;
    const name =
      typeof record.name === 'string' ? record.name : typeof record.label === 'string' ? record.label : null;
    const target = typeof record.target === 'number' ? record.target : null;
    const actual =
      typeof record.actual === 'number' ? record.actual : typeof record.value === 'number' ? record.value : 0;
    if (name === null || target === null) return;
    views.push({
      key: typeof record.code === 'string' ? record.code : `target-${index}`,
      name,
      target,
      actual,
    });
  });
  return views;
}

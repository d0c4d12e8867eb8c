import { useQuery } from '@tanstack/react-query';
import type { HamletItem, UnitDetail, UnitItem, UnitListResponse } from '../../../shared/contracts/units';
import { apiFetch } from '../../app/api';

/**
 * Reads of the administrative-unit tree (GET /api/v1/units…). Units change a few times a decade, so answers stay
 * fresh for a long time; hamlet lists change when an officer edits them, and those mutations invalidate
 * UNITS_QUERY_KEY.
 */

export const UNITS_QUERY_KEY = 'units' as const;
const LONG_STALE_MS = 10 * 60_000;

export type PickerLevel = 'province' | 'commune' | 'hamlet';
export type UnitRow = UnitItem | HamletItem;

/** Communes of a province fit in one page (Tây Ninh has 96; the largest province has fewer than 500). */
const TREE_PAGE = 500;
const SEARCH_PAGE = 30;

export function levelOfCode(code: string): PickerLevel {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{5}$/.test(code)) return 'commune';
  return 'hamlet';
}

export function isHamletRow(row: UnitRow): row is HamletItem {
  return row.level === 'hamlet';
}

/** The level one step below `parentCode` (null = the list of provinces). */
export function childLevelOf(parentCode: string | null): PickerLevel {
  if (parentCode === null) return 'province';
  return levelOfCode(parentCode) === 'province' ? 'commune' : 'hamlet';
}

export interface UnitListParams {
  parentCode: string | null;
  q?: string;
}

/** Children of a node, or, with `q`, the matches inside it (the server folds diacritics: "tan an" → "Tân An"). */
export function fetchUnitList(
  { parentCode, q }: UnitListParams,
  signal?: AbortSignal,
): Promise<UnitListResponse> {
  const searching = Boolean(q);
  const level = searching && parentCode === null ? undefined : childLevelOf(parentCode);
  return apiFetch<UnitListResponse>('/api/v1/units', {
    query: {
      level,
      parent: parentCode ?? undefined,
      q: q || undefined,
      limit: searching ? SEARCH_PAGE : TREE_PAGE,
    },
    signal,
  });
}

export function useUnitList(params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: [UNITS_QUERY_KEY, 'list', params.parentCode, params.q ?? ''],
    queryFn: ({ signal }) => fetchUnitList(params, signal),
    staleTime: childLevelOf(params.parentCode) === 'hamlet' ? 30_000 : LONG_STALE_MS,
    enabled,
  });
}

/** One official unit (province or commune) with its parent code, for breadcrumbs and names. */
export function useUnitDetail(code: string | null) {
  return useQuery({
    queryKey: [UNITS_QUERY_KEY, 'detail', code],
    queryFn: ({ signal }) =>
      apiFetch<UnitDetail>(`/api/v1/units/${encodeURIComponent(code ?? '')}`, { signal }),
    staleTime: LONG_STALE_MS,
    enabled: code !== null && levelOfCode(code) !== 'hamlet',
  });
}

import { useQuery } from '@tanstack/react-query';
import type { HamletDetail } from '../../../shared/contracts/units';
import { apiFetch } from '../../app/api';
import { useSession } from '../../app/session';

const DEPTH_OF_CODE = (code: string) => (/^\d{2}$/.test(code) ? 0 : /^\d{5}$/.test(code) ? 1 : 2);

/**
 * Where a unit picker opens for the signed-in person: their broadest unit (a province admin sees the communes of
 * the province, a commune officer the hamlets of the commune, a team leader the hamlets of the team's commune).
 * Only a starting point for browsing; the server decides what they may do there.
 */
export function useStartUnit(): string | null {
  const { me } = useSession();
  const codes = (me?.grants ?? []).map((g) => g.unitCode).sort((a, b) => DEPTH_OF_CODE(a) - DEPTH_OF_CODE(b));
  const broadest = codes[0] ?? null;
  const hamletId = broadest !== null && DEPTH_OF_CODE(broadest) === 2 ? broadest : null;
  const hamlet = useQuery({
    queryKey: ['admin', 'hamlet', hamletId],
    queryFn: ({ signal }) =>
      apiFetch<HamletDetail>(`/api/v1/hamlets/${encodeURIComponent(hamletId ?? '')}`, { signal }),
    enabled: hamletId !== null,
    staleTime: 10 * 60_000,
  });
  if (hamletId !== null) return hamlet.data?.communeCode ?? null;
  return broadest;
}

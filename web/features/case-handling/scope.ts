import type { MeResponse } from '../../../shared/contracts/accounts';

/**
 * The province a handler works in, read from their grants (a 2-digit province or a 5-digit commune code; the
 * first two digits of a commune code are its province). Only for choosing which communes to list: the server
 * scopes every answer itself.
 */
export function provinceOf(me: MeResponse | null): string | null {
  for (const grant of me?.grants ?? []) {
    if (/^\d{2}$|^\d{5}$/.test(grant.unitCode)) return grant.unitCode.slice(0, 2);
  }
  return null;
}

/** The teams the person leads (a deputy leads too): the proposals form raises for one of them. */
export function ledTeams(me: MeResponse | null): { teamId: string; teamName: string }[] {
  return (me?.teams ?? []).filter((team) => team.role === 'leader' || team.role === 'deputy');
}

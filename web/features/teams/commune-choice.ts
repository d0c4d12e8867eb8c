import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { toUnitChoice, type UnitChoice } from '../geography/UnitPicker';
import { useUnitDetail } from '../geography/units-queries';

/**
 * The commune a management screen works on, kept in the address (`?commune=`) so Back and shared links work.
 * A commune officer starts on their own commune.
 */
export function useCommuneChoice(): {
  code: string | null;
  choice: UnitChoice | null;
  setCode: (code: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const { me } = useSession();
  const ownCommune = me?.grants.find((g) => /^\d{5}$/.test(g.unitCode))?.unitCode ?? null;
  const code = params.get('commune') ?? ownCommune;
  const detail = useUnitDetail(code);
  return {
    code,
    choice: detail.data ? toUnitChoice(detail.data) : null,
    setCode: (next) => setParams({ commune: next }, { replace: true }),
  };
}

import { levelOfCode, useUnitDetail } from './units-queries';

/** The full name of an official unit given its code ("80" → "Tỉnh Tây Ninh"); the code itself until it loads. */
export function UnitName({ code }: { code: string }) {
  const official = levelOfCode(code) !== 'hamlet';
  const detail = useUnitDetail(official ? code : null);
  return <>{detail.data?.fullName ?? code}</>;
}

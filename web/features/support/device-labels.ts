import { useTranslation } from 'react-i18next';
import { getOfflineDatabase } from '../../offline/offline-db';
import { CACHE_KEYS, readCached } from '../../offline/offline-cache';
import { useLiveQuery } from '../../offline/use-outbox';
import type { ServiceOption } from './capture-context';
import type { TeamPlace } from './capture-form';

interface DeviceLabels {
  serviceName: (code: string) => string;
  hamletName: (id: string) => string;
  teamName: (id: string) => string;
}

/**
 * Names for codes and ids from what the device saved on its last online visit, so the outbox reads in words even
 * with no connection. Unknown ones fall back to the code itself.
 */
export function useDeviceLabels(): DeviceLabels {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const data = useLiveQuery(
    async () => {
      const db = getOfflineDatabase();
      const services = (await readCached<ServiceOption[]>(db, CACHE_KEYS.services)) ?? [];
      const places = (await db.cache.where('key').startsWith(CACHE_KEYS.teamPlace('')).toArray()).map(
        (row) => row.value as TeamPlace,
      );
      return { services, places };
    },
    [],
    { services: [] as ServiceOption[], places: [] as TeamPlace[] },
  );
  const services = new Map(data.services.map((s) => [s.code, english ? s.nameEn : s.name]));
  const hamlets = new Map(data.places.flatMap((p) => p.hamlets.map((h) => [h.id, h.name] as const)));
  const teams = new Map(data.places.map((p) => [p.teamId, p.teamName]));
  return {
    serviceName: (code) => services.get(code) ?? code,
    hamletName: (id) => hamlets.get(id) ?? id,
    teamName: (id) => teams.get(id) ?? id,
  };
}

import type { OfflineDatabase } from './offline-db';

/**
 * Typed access to the `cache` store. Values are what the last online visit saw; the capture form falls back to
 * them on a cold offline start, so a member with no signal still gets their teams, hamlets and services.
 */
export async function readCached<T>(db: OfflineDatabase, key: string): Promise<T | null> {
  const row = await db.cache.get(key);
  return row ? (row.value as T) : null;
}

export async function writeCached<T>(
  db: OfflineDatabase,
  key: string,
  value: T,
  nowIso = new Date().toISOString(),
) {
  await db.cache.put({ key, value, savedAt: nowIso });
}

export const CACHE_KEYS = {
  /** The last account that used the app here: who captures when /me cannot be asked. */
  profile: 'profile',
  services: 'services',
  teamPlace: (teamId: string) => `team-place:${teamId}`,
  choices: (userId: string) => `choices:${userId}`,
} as const;

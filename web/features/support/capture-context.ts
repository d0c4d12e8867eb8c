import { useEffect, useState } from 'react';
import type { MeResponse, MeTeam } from '../../../shared/contracts/accounts';
import type { Service } from '../../../shared/contracts/services';
import type { TeamDetail } from '../../../shared/contracts/teams';
import type { UnitListResponse } from '../../../shared/contracts/units';
import { apiFetch } from '../../app/api';
import type { SessionStatus } from '../../app/session';
import { CACHE_KEYS, readCached, writeCached } from '../../offline/offline-cache';
import { getOfflineDatabase, type OfflineDatabase } from '../../offline/offline-db';
import { EMPTY_CHOICES, type CaptureChoices, type TeamPlace } from './capture-form';

/** The account the form captures for, as last seen online. */
export interface CachedProfile {
  userId: string;
  name: string;
  teams: MeTeam[];
}

export type ServiceOption = Pick<Service, 'code' | 'name' | 'nameEn' | 'skill'>;

export interface CaptureContext {
  /** loading: the device store is being read; ready: the form can be shown; none: nothing usable (see reason). */
  state: 'loading' | 'ready' | 'none';
  reason: 'signedOut' | 'needsFirstVisit' | 'noTeams' | null;
  /** true when what is shown comes from the device store because the server could not be asked. */
  fromDevice: boolean;
  profile: CachedProfile | null;
  teams: TeamPlace[];
  services: ServiceOption[];
  choices: CaptureChoices;
}

const LOADING: CaptureContext = {
  state: 'loading',
  reason: null,
  fromDevice: false,
  profile: null,
  teams: [],
  services: [],
  choices: EMPTY_CHOICES,
};

async function readDeviceContext(db: OfflineDatabase, profile: CachedProfile | null) {
  if (!profile) return { teams: [], services: [], choices: EMPTY_CHOICES };
  const [services, choices, places] = await Promise.all([
    readCached<ServiceOption[]>(db, CACHE_KEYS.services),
    readCached<CaptureChoices>(db, CACHE_KEYS.choices(profile.userId)),
    Promise.all(profile.teams.map((t) => readCached<TeamPlace>(db, CACHE_KEYS.teamPlace(t.teamId)))),
  ]);
  const teams = profile.teams.map(
    (t, i): TeamPlace =>
      places[i] ?? {
        teamId: t.teamId,
        teamName: t.teamName,
        hamletId: t.hamletId,
        communeCode: null,
        hamlets: [],
      },
  );
  return { teams, services: services ?? [], choices: choices ?? EMPTY_CHOICES };
}

/** Asks the server for what the form needs and stores it on the device for the next offline start. */
async function refreshFromServer(db: OfflineDatabase, me: MeResponse): Promise<void> {
  const profile: CachedProfile = { userId: me.user.id, name: me.user.name, teams: me.teams };
  await writeCached(db, CACHE_KEYS.profile, profile);
  const services = await apiFetch<{ items: Service[] }>('/api/v1/services', { query: { status: 'active' } });
  await writeCached(
    db,
    CACHE_KEYS.services,
    services.items.map(({ code, name, nameEn, skill }): ServiceOption => ({ code, name, nameEn, skill })),
  );
  await Promise.all(me.teams.map((team) => refreshTeamPlace(db, team)));
}

async function refreshTeamPlace(db: OfflineDatabase, team: MeTeam): Promise<void> {
  const detail = await apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(team.teamId)}`);
  const units = await apiFetch<UnitListResponse>('/api/v1/units', {
    query: { level: 'hamlet', parent: detail.communeCode, limit: 500 },
  });
  const hamlets = units.items
    .filter((u) => u.level === 'hamlet' && u.status === 'active')
    .map((u) => ({ id: u.code, name: u.fullName }));
  // A team's own hamlet always stays choosable, even when the hamlet list is cut short.
  if (detail.hamletId && !hamlets.some((h) => h.id === detail.hamletId)) {
    hamlets.unshift({ id: detail.hamletId, name: detail.hamletName ?? detail.name });
  }
  const place: TeamPlace = {
    teamId: team.teamId,
    teamName: detail.name,
    hamletId: detail.hamletId,
    communeCode: detail.communeCode,
    hamlets,
  };
  await writeCached(db, CACHE_KEYS.teamPlace(team.teamId), place);
}

function settle(
  profile: CachedProfile | null,
  device: Awaited<ReturnType<typeof readDeviceContext>>,
  fromDevice: boolean,
): CaptureContext {
  const base = { ...LOADING, fromDevice, profile, ...device };
  if (!profile) return { ...base, state: 'none', reason: 'needsFirstVisit' };
  if (profile.teams.length === 0) return { ...base, state: 'none', reason: 'noTeams' };
  if (device.services.length === 0 || device.teams.every((t) => t.hamlets.length === 0)) {
    return { ...base, state: 'none', reason: 'needsFirstVisit' };
  }
  return { ...base, state: 'ready' };
}

/**
 * What the capture form needs: the account, its teams with their hamlets, the services and the last choices.
 * Read from the device first, so a cold offline start shows the form at once; refreshed from the server when
 * the session answers. An account that the server says is signed out gets no form (the outbox is untouched).
 */
export function useCaptureContext(me: MeResponse | null, status: SessionStatus): CaptureContext {
  const [context, setContext] = useState<CaptureContext>(LOADING);
  // Stands for `me` in the effect's dependencies: reload when the account or its teams change, not on every /me.
  const meKey = me ? `${me.user.id}:${me.teams.map((t) => t.teamId).join(',')}` : null;
  const signedOut = status === 'signedOut';

  useEffect(() => {
    let cancelled = false;
    const db = getOfflineDatabase();
    async function load() {
      const cached = await readCached<CachedProfile>(db, CACHE_KEYS.profile);
      if (signedOut) {
        // No form without a session the server accepts; the saved profile only shows what still waits to be sent.
        if (!cancelled) setContext({ ...LOADING, state: 'none', reason: 'signedOut', profile: cached });
        return;
      }
      // Signed in: the live account (never another account's saved profile). Unreachable: the saved one.
      const profile = me ? { userId: me.user.id, name: me.user.name, teams: me.teams } : cached;
      const fromDevice = settle(profile, await readDeviceContext(db, profile), !me);
      // Signed in with nothing saved yet: keep "loading" until the server answers rather than flash a warning.
      if (!cancelled && (fromDevice.state === 'ready' || !me)) setContext(fromDevice);
      if (!me) return;
      try {
        await refreshFromServer(db, me);
      } catch {
        // Offline or a server hiccup: the device copy stays in use.
        if (!cancelled) setContext({ ...fromDevice, fromDevice: true });
        return;
      }
      if (!cancelled) setContext(settle(profile, await readDeviceContext(db, profile), false));
    }
    void load();
    return () => {
      cancelled = true;
    };
  }, [meKey, signedOut]);

  return context;
}

/** Saves the team, hamlet and services of a record as the next defaults for this account. */
export async function saveChoices(userId: string, choices: CaptureChoices): Promise<void> {
  await writeCached(getOfflineDatabase(), CACHE_KEYS.choices(userId), choices);
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, type FakeRoute } from '../features/geography/fake-api';
import { AppProviders, createQueryClient } from './providers';
import { safeNextPath, useSession } from './session';

const ME = {
  user: { id: 'u1', name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [{ role: 'team_member', unitCode: 'h1' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['teams.read', 'support.capture'],
};

function Probe() {
  const session = useSession();
  return (
    <p>
      {session.status}:{session.can('support.capture') ? 'capture' : 'no-capture'}:{session.roles.join(',') || 'no-role'}
    </p>
  );
}

/** The fake API (bodies checked against the contracts), or a fetch of its own for a network that is down. */
function renderWith(server: FakeRoute[] | (() => Promise<Response>)) {
  if (Array.isArray(server)) installFakeApi(server);
  else vi.stubGlobal('fetch', server);
  render(
    <AppProviders queryClient={createQueryClient()}>
      <Probe />
    </AppProviders>,
  );
}

describe('session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads what the caller may do from /me and remembers it on the device', async () => {
    renderWith([answer('GET', '/api/v1/me', { body: ME })]);
    expect(await screen.findByText('signedIn:capture:team_member')).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem('cds.lastActions') ?? '[]')).toEqual(ME.actions);
    expect(JSON.parse(window.localStorage.getItem('cds.lastRoles') ?? '[]')).toEqual(['team_member']);
  });

  it('falls back to the last known actions and roles when the server cannot be reached (cold offline start)', async () => {
    window.localStorage.setItem('cds.lastActions', JSON.stringify(ME.actions));
    window.localStorage.setItem('cds.lastRoles', JSON.stringify(['team_member']));
    renderWith(async () => {
      throw new TypeError('Failed to fetch');
    });
    await waitFor(() => expect(screen.getByText('unreachable:capture:team_member')).toBeTruthy(), { timeout: 5000 });
  });

  it('forgets them when the server says the session ended', async () => {
    window.localStorage.setItem('cds.lastActions', JSON.stringify(ME.actions));
    window.localStorage.setItem('cds.lastRoles', JSON.stringify(['team_member']));
    renderWith([
      answer('GET', '/api/v1/me', { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } } }),
    ]);
    expect(await screen.findByText('signedOut:no-capture:no-role')).toBeTruthy();
    expect(window.localStorage.getItem('cds.lastActions')).toBeNull();
    expect(window.localStorage.getItem('cds.lastRoles')).toBeNull();
  });
});

describe('safeNextPath', () => {
  it('accepts only same-site paths', () => {
    expect(safeNextPath('/profile?tab=1')).toBe('/profile?tab=1');
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

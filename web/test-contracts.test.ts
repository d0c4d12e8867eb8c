import { describe, expect, it } from 'vitest';
import { contractProblems, findEndpointContract } from './test-contracts';

/** The check every faked exchange of the web tests goes through (features/geography/fake-api.tsx). */
describe('web test contracts', () => {
  const service = {
    code: 'vneid_level2',
    name: 'Định danh điện tử VNeID mức 2',
    nameEn: 'VNeID level 2',
    skill: 'public_services',
    skillName: 'Dịch vụ công',
    skillNameEn: 'Public services',
    description: null,
    status: 'active',
    sortOrder: 0,
    actions: [],
  };

  it('accepts an exchange that keeps to the endpoint’s contract', () => {
    expect(
      contractProblems(
        { method: 'GET', pathname: '/api/v1/services', body: undefined },
        { status: 200, body: { items: [service] } },
      ),
    ).toEqual([]);
    expect(
      contractProblems(
        { method: 'PATCH', pathname: '/api/v1/services/vneid_level2', body: { status: 'retired' } },
        { status: 409, body: { error: { code: 'CONFLICT', message: 'Taken' } } },
      ),
    ).toEqual([]);
  });

  it('names a drifted answer, a body the app should not send, a 204 with a body and an unknown endpoint', () => {
    const renamed = { ...service, skill: undefined, skillCode: 'public_services' };
    expect(
      contractProblems(
        { method: 'GET', pathname: '/api/v1/services', body: undefined },
        { status: 200, body: { items: [renamed] } },
      ),
    ).toEqual([
      expect.stringMatching(
        /^GET \/api\/v1\/services: the fake 200 body breaks the contract — items\.0\.skill: /,
      ),
    ]);
    expect(
      contractProblems(
        { method: 'POST', pathname: '/api/v1/sync', body: { records: [], extra: 1 } },
        { status: 200, body: { results: [] } },
      ),
    ).toEqual([expect.stringMatching(/^POST \/api\/v1\/sync: the app sent a body the contract refuses/)]);
    expect(
      contractProblems(
        { method: 'DELETE', pathname: '/api/v1/api-keys/k1', body: undefined },
        { status: 204, body: { ok: true } },
      ),
    ).toEqual(['DELETE /api/v1/api-keys/k1: a 204 answer carries no body']);
    expect(
      contractProblems(
        { method: 'GET', pathname: '/api/v1/services', body: undefined },
        { status: 201, body: { items: [] } },
      ),
    ).toEqual(['GET /api/v1/services: the fake answers 201, a status this endpoint never answers']);
    expect(
      contractProblems(
        { method: 'GET', pathname: '/api/v1/nowhere', body: undefined },
        { status: 200, body: {} },
      ),
    ).toEqual(['GET /api/v1/nowhere: no contract for this endpoint (add it to web/test-contracts.ts)']);
    expect(
      contractProblems(
        { method: 'GET', pathname: '/api/v1/me', body: undefined },
        { status: 503, body: { error: { code: 'down' } } },
      ),
    ).toHaveLength(1);
  });

  it('matches literal paths before parameters, and parameters by segment', () => {
    expect(findEndpointContract('POST', '/api/v1/hamlets/import')?.path).toBe('/api/v1/hamlets/import');
    expect(findEndpointContract('PATCH', '/api/v1/hamlets/abc')?.path).toBe('/api/v1/hamlets/:id');
    expect(findEndpointContract('POST', '/api/v1/support-records/review')?.path).toBe(
      '/api/v1/support-records/review',
    );
    expect(findEndpointContract('GET', '/api/v1/support-records/r1')?.path).toBe(
      '/api/v1/support-records/:id',
    );
    expect(findEndpointContract('GET', '/api/v1/support-records/r1/more')).toBeUndefined();
    expect(findEndpointContract('GET', '/api/v1/teams/t1/stats')?.path).toBe('/api/v1/teams/:id/stats');
  });
});

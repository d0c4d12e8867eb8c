import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { testLogCapture } from '../../test/log-capture';
import { createSecret } from '../auth/tokens';
import { redactQuery } from '../logger';

/**
 * Request logs name the route pattern and a redacted query: no token in a path or query, no contact in a search,
 * no client address. (Every other route test is checked the same way by log-check.setup.ts.)
 */
describe('request logging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const linesSince = (before: number) =>
    testLogCapture.recentLines().slice(before - testLogCapture.lineCount());

  it('logs the route pattern and redacted query instead of the URL and client address', async () => {
    const admin = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const session = await signIn(t.app, admin.email, admin.password);
    const token = createSecret();
    const before = testLogCapture.lineCount();
    await t.app.inject({ url: `/api/v1/invitations/${token}`, remoteAddress: '203.0.113.77' });
    await t.app.inject({
      url: '/api/v1/users?q=an.tran%40example.vn&limit=5&phone=0912345678',
      headers: session.headers,
      remoteAddress: '203.0.113.77',
    });
    await t.app.inject({ url: `/reset-password?token=${token}`, remoteAddress: '203.0.113.77' });
    const lines = linesSince(before);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const text = lines.join('');
    expect(text).toContain('"route":"/api/v1/invitations/:token"');
    expect(text).toContain('"route":"/api/v1/users"');
    expect(text).toContain('"query":{"q":"[redacted]","limit":"5","phone":"[redacted]"}');
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/an\.tran|example\.vn|0912345678/);
    expect(text).not.toContain('203.0.113.77');
    expect(text).not.toMatch(/"url"|remoteAddress|remotePort/);
  });

  it('keeps query keys and only the values of paging and filter keys', () => {
    expect(redactQuery('/x?limit=50&cursor=abc&q=Nguyen&token=t&email=a%40b.vn')).toEqual({
      limit: '50',
      cursor: '[redacted]',
      q: '[redacted]',
      token: '[redacted]',
      email: '[redacted]',
    });
    expect(redactQuery('/x')).toBeUndefined();
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

/** A raw request over a real socket: Node refuses oversize heads before Fastify (and inject) ever see them. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const MARKER = 'Zq9SECRETmarker';

function expectErrorShape(body: string, code: string) {
  const parsed = JSON.parse(body) as { error: Record<string, unknown> };
  expect(parsed).toMatchObject({
    error: { code, message: expect.any(String), messageVi: expect.any(String) },
  });
  expect(Object.keys(parsed.error).sort()).toEqual(expect.arrayContaining(['code', 'message', 'messageVi']));
  // Nothing the client sent comes back.
  expect(body).not.toContain(MARKER);
  expect(body).not.toMatch(/FST_ERR|statusCode/);
}

describe('requests refused before any route runs', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('a 20,000-character query gets 431 HEADERS_TOO_LARGE in the error shape (Node refuses it)', async () => {
    const res = await rawGet(port, `/api/v1/support-records?q=${MARKER}${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expectErrorShape(res.body, 'HEADERS_TOO_LARGE');
  });

  it('an oversize header gets the same answer', async () => {
    const res = await rawGet(port, '/healthz', { 'x-filler': `${MARKER}${'y'.repeat(20_000)}` });
    expect(res.status).toBe(431);
    expectErrorShape(res.body, 'HEADERS_TOO_LARGE');
  });

  it('a 300-character path parameter gets 414 URI_TOO_LONG without echoing the URL', async () => {
    const url = `/api/v1/support-records/${MARKER}${'a'.repeat(300)}`;
    const injected = await t.app.inject(url);
    expect(injected.statusCode).toBe(414);
    expect(injected.headers['cache-control']).toBe('no-store');
    expectErrorShape(injected.body, 'URI_TOO_LONG');
    const real = await rawGet(port, url);
    expect(real.status).toBe(414);
    expectErrorShape(real.body, 'URI_TOO_LONG');
  });

  it('a malformed percent-encoding in a path parameter gets 400 BAD_REQUEST without echoing it', async () => {
    const res = await t.app.inject(`/api/v1/support-records/${MARKER}%E0%A4%A`);
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.body, 'BAD_REQUEST');
  });

  it('a body the parser refuses and an unknown route answer in the error shape without echoing input', async () => {
    const badType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': `application/${MARKER}` },
      payload: 'x',
    });
    expect(badType.statusCode).toBe(415);
    expectErrorShape(badType.body, 'UNSUPPORTED_MEDIA_TYPE');

    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"email": "${MARKER}`,
    });
    expect(badJson.statusCode).toBe(400);
    expectErrorShape(badJson.body, 'BAD_REQUEST');

    const unknown = await t.app.inject(`/api/v1/${MARKER}?token=${MARKER}`);
    expect(unknown.statusCode).toBe(404);
    expectErrorShape(unknown.body, 'NOT_FOUND');
  });
});

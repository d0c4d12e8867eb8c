import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, buildUrl, fieldErrorsOf, getCsrfToken, setCsrfToken } from './api';

interface Call {
  url: string;
  init: RequestInit;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function stubFetch(...responses: (Response | Error)[]): Call[] {
  const calls: Call[] = [];
  const queue = [...responses];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = queue.shift();
    if (!next) throw new Error('unexpected fetch');
    if (next instanceof Error) throw next;
    return next;
  });
  return calls;
}

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

describe('apiFetch', () => {
  beforeEach(() => setCsrfToken(null));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the CSRF token from the sign-in answer and sends it on unsafe requests only', async () => {
    const calls = stubFetch(
      jsonResponse(200, { user: { id: 'u1' }, csrfToken: 'tok-123' }),
      jsonResponse(200, { items: [] }),
      new Response(null, { status: 204 }),
    );
    await apiFetch('/api/v1/auth/login', { method: 'POST', body: { email: 'a@b.vn', password: 'x' } });
    expect(getCsrfToken()).toBe('tok-123');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();

    await apiFetch('/api/v1/notifications');
    expect(headersOf(calls[1])['x-csrf-token']).toBeUndefined();

    const result = await apiFetch<void>('/api/v1/notifications/read-all', { method: 'POST' });
    expect(result).toBeUndefined();
    expect(headersOf(calls[2])['x-csrf-token']).toBe('tok-123');
    expect(calls[2]?.init.credentials).toBe('same-origin');
  });

  it('sends JSON bodies with a content type and no content type without a body', async () => {
    const calls = stubFetch(jsonResponse(200, {}), new Response(null, { status: 204 }));
    await apiFetch('/api/v1/me', { method: 'PATCH', body: { name: 'Lan' } });
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"name":"Lan"}');
    await apiFetch('/api/v1/auth/logout', { method: 'POST' });
    expect(headersOf(calls[1])['content-type']).toBeUndefined();
    expect(calls[1]?.init.body).toBeUndefined();
  });

  it('parses the error shape into an ApiError with both languages and field details', async () => {
    stubFetch(
      jsonResponse(400, {
        error: {
          code: 'VALIDATION',
          message: 'Some fields are not valid.',
          messageVi: 'Một số trường chưa hợp lệ.',
          details: [{ path: 'body.email', message: 'Invalid email', messageVi: 'Email không hợp lệ' }],
        },
      }),
    );
    const error = await apiFetch('/api/v1/auth/password-reset', {
      method: 'POST',
      body: { email: 'x' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION');
    expect(apiError.messageIn('vi')).toBe('Một số trường chưa hợp lệ.');
    expect(apiError.messageIn('en')).toBe('Some fields are not valid.');
    expect(fieldErrorsOf(apiError, 'vi')).toEqual({ email: 'Email không hợp lệ' });
    expect(fieldErrorsOf(apiError, 'en')).toEqual({ email: 'Invalid email' });
  });

  it('gives the lock message of a locked account', async () => {
    stubFetch(
      jsonResponse(423, {
        error: {
          code: 'LOCKED',
          message: 'Too many wrong passwords.',
          messageVi: 'Nhập sai mật khẩu quá nhiều lần.',
        },
      }),
    );
    const error = (await apiFetch('/api/v1/auth/login', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('LOCKED');
    expect(error.messageIn('vi')).toBe('Nhập sai mật khẩu quá nhiều lần.');
  });

  it('falls back to a code from the status when the body is not ours', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 503 }));
    const error = (await apiFetch('/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(503);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toEqual([]);
  });

  it('turns a network failure into status 0 with a Vietnamese message', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = (await apiFetch('/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe('NETWORK');
    expect(error.messageIn('vi')).toMatch(/kết nối/);
  });

  it('leaves empty query values out of the URL', () => {
    expect(
      buildUrl('/api/v1/users', { q: 'tân an', role: undefined, unit: '', limit: 20, cursor: null }),
    ).toBe('/api/v1/users?q=t%C3%A2n+an&limit=20');
    expect(buildUrl('/api/v1/users', { scope: ['a', 'b'] })).toBe('/api/v1/users?scope=a&scope=b');
    expect(buildUrl('/api/v1/users')).toBe('/api/v1/users');
  });
});

import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { i18n } from '../../app/i18n';
import { SessionProvider } from '../../app/session';
import { contractProblems } from '../../test-contracts';

/**
 * Test support for web feature tests: a fake /api/v1 behind `fetch` (only the network edge is faked; the api client,
 * TanStack Query, i18n and the router are the real ones) and a render helper with the app's providers.
 * Every faked exchange is checked against the endpoint's shared contract (web/test-contracts.ts): the body the app
 * sends and the body the test answers. A breach is collected here and fails the test in web/test-setup.ts's
 * afterEach, since a throw inside fetch would only reach the app as a network error.
 */
const contractViolations: string[] = [];

/** The contract breaches of the current test's fake exchanges, emptied by the call (web/test-setup.ts). */
export function takeContractViolations(): string[] {
  return contractViolations.splice(0);
}

export interface RecordedCall {
  method: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
  /** The multipart body as sent, when there was one. */
  form?: FormData;
}

export interface FakeAnswer {
  status?: number;
  body?: unknown;
}

export type FakeRoute = (call: RecordedCall) => FakeAnswer | undefined;

export interface FakeApi {
  calls: RecordedCall[];
  /** Calls whose method and path match. */
  callsTo(method: string, path: string): RecordedCall[];
}

/** Answers each request with the first route that returns something; unknown requests get 404 in the error shape. */
export function installFakeApi(routes: FakeRoute[]): FakeApi {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://app.test',
    );
    const method = (init?.method ?? 'GET').toUpperCase();
    // A multipart body (a report with photos) is checked by its JSON part `data`; the parts stay on the call.
    const form = init?.body instanceof FormData ? init.body : undefined;
    const data = form?.get('data');
    const body =
      typeof init?.body === 'string'
        ? (JSON.parse(init.body) as unknown)
        : typeof data === 'string'
          ? (JSON.parse(data) as unknown)
          : undefined;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const call = { method, url, body, headers, ...(form ? { form } : {}) };
    calls.push(call);
    for (const route of routes) {
      const answer = route(call);
      if (answer) {
        const status = answer.status ?? 200;
        contractViolations.push(
          ...contractProblems({ method, pathname: url.pathname, body }, { status, body: answer.body }),
        );
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        return new Response(status === 204 ? null : text, {
          status,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    return new Response(
      JSON.stringify({ error: { code: 'NOT_FOUND', message: `No fake for ${method} ${url.pathname}` } }),
      {
        status: 404,
      },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method, path) => calls.filter((c) => c.method === method && c.url.pathname === path),
  };
}

/** A route answering one method and path (a string, or a pattern for ids). */
export function answer(
  method: string,
  path: string | RegExp,
  reply: FakeAnswer | ((call: RecordedCall) => FakeAnswer),
): FakeRoute {
  return (call) => {
    if (call.method !== method) return undefined;
    const matches = typeof path === 'string' ? call.url.pathname === path : path.test(call.url.pathname);
    if (!matches) return undefined;
    return typeof reply === 'function' ? reply(call) : reply;
  };
}

/** Renders `element` at `path` (or a route table) inside the app's providers, in Vietnamese unless told. */
export async function renderInApp(
  element: ReactElement | RouteObject[],
  opts: { path?: string; language?: 'vi' | 'en' } = {},
) {
  await i18n.changeLanguage(opts.language ?? 'vi');
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const routes = Array.isArray(element) ? element : [{ path: '*', element }];
  const router = createMemoryRouter(routes, { initialEntries: [opts.path ?? '/'] });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...view, router, queryClient };
}

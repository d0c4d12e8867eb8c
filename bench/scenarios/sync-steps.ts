import type { AutocannonRequest, AutocannonRequestStep } from 'autocannon';
import { uuidv7 } from '../../shared/ids';
import { DEMO_ACCOUNT_SPECS } from '../../server/modules/demo/index';
import type { BenchContext } from './scenario';

declare module 'autocannon' {
  interface AutocannonRequestStep {
    /** autocannon calls it with each response of the step; `context` lives as long as the connection's loop. */
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string | string[]>,
    ) => void;
  }
}

/**
 * What a field member's phone does before it syncs: sign in, read /me for its team and hamlet, then send. Both
 * the app and the baseline answer these two steps; at one sign-in per 1,000 writes their cost is about 1% of a
 * connection's work on either side. Not more writes per sign-in: autocannon deep-copies the step list for each
 * connection, and a list of 100,000 steps kept the load generator itself busy, so it measured itself.
 */
const WRITES_PER_SIGN_IN = 1_000;

const SERVICE_SETS = [
  ['vneid_level2'],
  ['vneid_level2', 'payment_vietqr'],
  ['public_service_full'],
  ['online_safety', 'health_book'],
];

let address = 0;

/** One support record as the PWA sends it: a new id, an hour ago, with the phone's +07:00 offset. */
export function fieldRecord(context: Record<string, unknown>, n: number) {
  const now = Date.now();
  const local = new Date(now - 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 19);
  return {
    id: uuidv7(now),
    teamId: String(context.teamId),
    hamletId: String(context.hamletId),
    occurredAt: `${local}+07:00`,
    services: SERVICE_SETS[n % SERVICE_SETS.length]!,
    outcome: n % 7 === 0 ? 'partly' : 'done',
    person: { ageBand: n % 2 === 0 ? '60_plus' : '40_59', gender: n % 3 === 0 ? 'male' : 'female' },
    consent: true,
    durationMinutes: 10 + (n % 20),
    note: n % 5 === 0 ? 'Hướng dẫn kích hoạt VNeID mức 2 và cài ứng dụng ngân hàng' : null,
  };
}

/** The demo team member: a member of their hamlet's team, as on a phone in the field. */
function memberAccount(ctx: BenchContext) {
  const email = DEMO_ACCOUNT_SPECS.find((s) => s.role === 'team_member')?.email;
  const account = ctx.accounts.find((a) => a.email === email);
  if (!account) throw new Error('the demo team member account is missing');
  return account;
}

/** Authenticated headers from the connection's context (cookie + CSRF token, as the PWA sends them). */
export function authHeaders(
  request: AutocannonRequest,
  context: Record<string, unknown>,
): Record<string, string> {
  return {
    ...request.headers,
    'content-type': 'application/json',
    cookie: String(context.cookie ?? ''),
    'x-csrf-token': String(context.csrfToken ?? ''),
  };
}

export function syncSteps(ctx: BenchContext, write: AutocannonRequestStep): AutocannonRequestStep[] {
  const account = memberAccount(ctx);
  const signIn: AutocannonRequestStep = {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    setupRequest(request) {
      address += 1;
      return {
        ...request,
        headers: { ...request.headers, 'x-forwarded-for': `10.9.${(address >> 8) & 255}.${address & 255}` },
        body: JSON.stringify({ email: account.email, password: account.password }),
      };
    },
    onResponse(_status, body, context, headers) {
      const setCookie = headers['set-cookie'];
      const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      context.cookie = (first ?? '').split(';')[0];
      context.csrfToken = (JSON.parse(body) as { csrfToken: string }).csrfToken;
    },
  };
  const me: AutocannonRequestStep = {
    method: 'GET',
    path: '/api/v1/me',
    setupRequest(request, context) {
      return { ...request, headers: { cookie: String(context.cookie ?? '') } };
    },
    onResponse(_status, body, context) {
      const team = (JSON.parse(body) as { teams: { teamId: string; hamletId: string }[] }).teams[0];
      context.teamId = team?.teamId;
      context.hamletId = team?.hamletId;
    },
  };
  return [signIn, me, ...Array.from({ length: WRITES_PER_SIGN_IN }, () => write)];
}

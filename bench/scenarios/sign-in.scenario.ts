import { rotate, type Scenario } from './scenario';

/**
 * POST /api/v1/auth/login with the demo accounts' right password. Each request carries its own X-Forwarded-For
 * address (the app runs with TRUST_PROXY) so the per-address sign-in limit sees many citizens, as in the field,
 * instead of one client hammering it: the limiter still runs on every request.
 */
export const signInScenario: Scenario = {
  name: 'sign-in',
  title: 'POST /api/v1/auth/login',
  baseline: 'sign-in',
  requests(ctx) {
    const nextAccount = rotate(ctx.accounts);
    let n = 0;
    return [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        setupRequest(request) {
          const account = nextAccount();
          n += 1;
          const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          return {
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': address },
            body: JSON.stringify({ email: account.email, password: account.password }),
          };
        },
      },
    ];
  },
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after installNoStore, one entry per method (tests generate calls from it). */
    registeredRoutes(): readonly { method: string; url: string }[];
  }
}

const SESSION_COOKIE_PRESENT = /(?:^|;\s*)cds_session=/;
const API_LIKE = /^\/(api|open311|dhis2)(\/|\?|$)/;

/** True when the request carried a session cookie or a Bearer key: the answer may be about this caller. */
function isAuthenticatedRequest(request: FastifyRequest): boolean {
  return Boolean(request.headers.authorization) || SESSION_COOKIE_PRESENT.test(request.headers.cookie ?? '');
}

/**
 * Whether an answer must not be stored by any cache (browser, proxy, service worker):
 * - it sets a cookie (a session, a sign-out);
 * - it answers an authenticated API call (the CSRF token of /me, personal lists, errors about the caller);
 * - it said nothing about caching itself (the default for every route: private unless declared otherwise).
 * An answer that declared itself `public` (the hashed web assets, the geography file) is the same for every caller
 * and keeps its caching, except on authenticated API calls; an error is never public.
 */
export function mustNotStore(request: FastifyRequest, reply: FastifyReply): boolean {
  if (reply.hasHeader('set-cookie')) return true;
  if (reply.statusCode >= 400) return true;
  if (API_LIKE.test(request.url) && isAuthenticatedRequest(request)) return true;
  return !reply.hasHeader('cache-control');
}

/** One hook for the whole server, so a new route cannot forget it. Install before any route is registered. */
export function installNoStore(app: FastifyInstance): void {
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      routes.push({ method, url: route.url ?? route.path });
    }
  });
  app.decorate('registeredRoutes', () => routes);
  app.addHook('onSend', async (request, reply, payload) => {
    if (mustNotStore(request, reply)) void reply.header('cache-control', 'no-store');
    return payload;
  });
}

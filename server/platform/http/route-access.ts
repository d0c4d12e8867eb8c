import type { FastifyInstance, HTTPMethods } from 'fastify';
import { API_KEY_SCOPES } from '../../../shared/contracts/accounts';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * Who may call a route. Every route under a governed prefix declares one in `config.access`; the server enforces it
 * in one onRequest hook (before validation and before any lookup) and the OpenAPI document states it as the
 * operation's `security`, so what integrators read is what the server does.
 */
export type RouteAccess =
  /** Anyone, signed in or not. An API key must hold `apiKeyScope`; with null, API keys are refused. */
  | { kind: 'public'; apiKeyScope: ApiKeyScope | null }
  /** A person signed in with the session cookie (account management, reviews, one's inbox); API keys are refused. */
  | { kind: 'session' }
  /** A person signed in, or an API key holding `apiKeyScope` (integrations). */
  | { kind: 'userOrApiKey'; apiKeyScope: ApiKeyScope };

/** Anyone; `apiKeyScope` is what a caller presenting an API key must hold (without it, keys are refused). */
export const publicAccess = (apiKeyScope: ApiKeyScope | null = null): RouteAccess => ({
  kind: 'public',
  apiKeyScope,
});
/** Signed-in people only; API keys are refused. */
export const sessionOnly = (): RouteAccess => ({ kind: 'session' });
/** Signed-in people, or API keys with this scope. */
export const userOrApiKey = (apiKeyScope: ApiKeyScope): RouteAccess => ({
  kind: 'userOrApiKey',
  apiKeyScope,
});

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route under a governed prefix with its access declaration (tests walk it; it is not a hand list). */
    declaredRoutes(): readonly DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: HTTPMethods;
  url: string;
  access: RouteAccess | undefined;
  /** Hidden from the OpenAPI document by design (the document itself, the docs UI). */
  hidden: boolean;
  operationId: string | undefined;
}

/** The prefixes where an undeclared route is a start-up error: every API a caller can authenticate to. */
const GOVERNED = ['/api/', '/open311/', '/dhis2/'];
export const isGoverned = (url: string) => GOVERNED.some((p) => url.startsWith(p));

const SCOPES: readonly string[] = API_KEY_SCOPES;

function isRouteAccess(value: unknown): value is RouteAccess {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; apiKeyScope?: unknown };
  if (v.kind === 'session') return true;
  if (v.kind === 'public') return v.apiKeyScope === null || SCOPES.includes(v.apiKeyScope as string);
  return v.kind === 'userOrApiKey' && SCOPES.includes(v.apiKeyScope as string);
}

/** Throws FORBIDDEN (or UNAUTHENTICATED for an anonymous caller of a non-public route) unless `actor` may call. */
export function checkRouteAccess(access: RouteAccess, actor: Actor): void {
  if (actor.kind === 'apiKey') {
    const needed = access.kind === 'session' ? null : access.apiKeyScope;
    if (needed === null)
      throw new AppError('FORBIDDEN', 'API keys cannot call this endpoint; sign in instead.', {
        messageVi: 'Không dùng khoá API cho chức năng này; vui lòng đăng nhập.',
      });
    if (!actor.scopes.includes(needed))
      throw new AppError('FORBIDDEN', `This API key lacks the "${needed}" scope.`, {
        messageVi: `Khoá API này không có quyền "${needed}".`,
      });
    return;
  }
  if (actor.kind === 'anonymous' && access.kind !== 'public') throw new AppError('UNAUTHENTICATED');
}

/**
 * Installs the declaration check and its enforcement. Call it AFTER the hook that resolves request.actor (onRequest
 * hooks run in the order they are added) and BEFORE any route is registered (onRoute sees only later routes).
 * A governed route without a valid declaration (or, when documented, without an operationId) fails app.ready().
 */
export function installRouteAccess(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  // Hooks of child contexts (e.g. the docs UI plugin's wrapper) may add a declaration after this hook ran, so the
  // route's config object is kept and read again at ready time.
  const pending: {
    route: DeclaredRoute;
    config: () => unknown;
    schema: () => { hide?: boolean; operationId?: string } | undefined;
  }[] = [];

  app.addHook('onRoute', (opts) => {
    if (!isGoverned(opts.url ?? '')) return;
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const method of methods) {
      const route: DeclaredRoute = {
        method,
        url: opts.url!,
        access: undefined,
        hidden: false,
        operationId: undefined,
      };
      routes.push(route);
      pending.push({
        route,
        config: () => (opts.config as { access?: unknown } | undefined)?.access,
        schema: () => opts.schema as { hide?: boolean; operationId?: string } | undefined,
      });
    }
  });

  app.addHook('onReady', async () => {
    const problems: string[] = [];
    for (const { route, config, schema } of pending.splice(0)) {
      const access = config();
      const s = schema();
      route.hidden = s?.hide === true;
      route.operationId = s?.operationId;
      if (!isRouteAccess(access)) {
        problems.push(
          `${route.method} ${route.url}: no config.access (use publicAccess, sessionOnly or userOrApiKey)`,
        );
        continue;
      }
      route.access = access;
      if (!route.hidden && route.method !== 'HEAD' && !route.operationId)
        problems.push(`${route.method} ${route.url}: no schema.operationId`);
    }
    if (problems.length > 0) throw new Error(`Routes without a declaration:\n  ${problems.join('\n  ')}`);
  });

  app.decorate('declaredRoutes', () => routes);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access) checkRouteAccess(access, request.actor);
  });
}

type SecurityRequirement = Record<string, string[]>;

/** The security schemes the OpenAPI document names; operations refer to them from their declaration. */
export const openApiSecuritySchemes = (sessionCookieName: string) =>
  ({
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: sessionCookieName,
      description:
        'The session cookie set by POST /api/v1/auth/login. Unsafe methods (POST, PUT, PATCH, DELETE) sent with it ' +
        'must also carry the X-CSRF-Token header (scheme csrfToken).',
    },
    csrfToken: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description:
        'The csrfToken returned by sign-in and by GET /api/v1/me; required with the session cookie on unsafe methods.',
    },
    apiKey: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An API key issued by an administrator (POST /api/v1/api-keys), sent as "Authorization: Bearer <key>". ' +
        `The operation lists the one scope it needs (${API_KEY_SCOPES.join(', ')}); other keys get 403.`,
    },
  }) as const;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The operation's OpenAPI `security`, derived from the same declaration the server enforces. */
export function openApiSecurityOf(access: RouteAccess, method: string): SecurityRequirement[] {
  const session: SecurityRequirement = UNSAFE.has(method.toUpperCase())
    ? { sessionCookie: [], csrfToken: [] }
    : { sessionCookie: [] };
  switch (access.kind) {
    case 'session':
      return [session];
    case 'userOrApiKey':
      return [session, { apiKey: [access.apiKeyScope] }];
    case 'public':
      // No authentication needed; a caller that does present a key must hold the scope (or is refused).
      return access.apiKeyScope === null ? [] : [{}, session, { apiKey: [access.apiKeyScope] }];
  }
}

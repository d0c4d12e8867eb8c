import type { Sealer } from '../crypto/sealing';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  createJsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { uuidv7 } from '../../../shared/ids';
import type { Database } from '../../db/database';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Metrics } from '../metrics';
import { ANONYMOUS, type Actor, resolveApiKeyActor } from '../auth/actor';
import { createSessionResolver } from '../auth/session-resolver';
import { safeEqual } from '../auth/tokens';
import { installErrorHandling } from './error-handler';
import { answerClientError, answerFrameworkError } from './framework-errors';
import { installNoStore } from './no-store';
import { registerRateLimits } from '../rate-limit/rate-limits';
import { createSharedCounter, type SharedCounter } from '../rate-limit/shared-counter';
import { serveMetrics } from './metrics-route';
import { registerWebApp } from './web-app';
import { installRouteAccess, openApiSecurityOf, openApiSecuritySchemes, publicAccess } from './route-access';

export const SESSION_COOKIE = 'cds_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** The rate limits' shared counts; tests flush it to make two servers' counts visible at once. */
    rateLimitCounter: SharedCounter;
  }
}

export interface HttpOptions {
  logger: Logger;
  database: Database;
  /** Opens the signed-in user's sealed phone number when a session is resolved. */
  sealer: Sealer;
  metrics: Metrics;
  clock: Clock;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  rateLimitAnonymousPerMinute: number;
  /** GET /metrics needs `Authorization: Bearer <token>`; without a token configured it answers 404. */
  metricsToken: string | undefined;
  trustProxy: boolean;
  webDist: string | null;
  version: string;
  /** Upload limits (config.uploads): a multipart part larger than maxBytes is stopped while it streams. */
  uploads?: { maxBytes: number };
  /**
   * Extra CSP img-src sources: the map tile host when MAP_TILE_URL is set (config.mapTiles), nothing otherwise, so
   * the pages load images from no third party unless the operator chose one.
   */
  imgSources?: readonly string[];
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Domain-free HTTP setup: validation, errors, security headers, rate limits, sessions → request.actor,
 * CSRF, OpenAPI, metrics, health, and the built PWA. Modules add their routes afterwards.
 */
export async function createHttpServer(opts: HttpOptions) {
  const app = Fastify({
    loggerInstance: opts.logger as FastifyBaseLogger,
    bodyLimit: opts.bodyLimitBytes,
    trustProxy: opts.trustProxy,
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Refusals before a route runs answer in the error model and echo no input (framework-errors.ts).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  // multipart/form-data (photos with a report): parsed only by routes that read request.parts(); every other route
  // sees no body and refuses it by its own schema. Ten files and twenty parts are far above any form of ours.
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: {
      fileSize: opts.uploads?.maxBytes ?? 10 * 1024 * 1024,
      files: 10,
      parts: 20,
      fields: 10,
      fieldSize: 1024 * 1024,
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(opts.imgSources ?? [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
  installNoStore(app);
  // Windows follow the app's clock, so tests move them with the fake clock like every other time rule.
  const rateLimitCounter = createSharedCounter({
    db: opts.database.db,
    logger: opts.logger,
    now: () => opts.clock.now().getTime(),
  });
  app.decorate('rateLimitCounter', rateLimitCounter);
  await registerRateLimits(app, {
    counter: rateLimitCounter,
    perAccountPerMinute: opts.rateLimitPerMinute,
    anonymousPerMinute: opts.rateLimitAnonymousPerMinute,
  });

  app.decorateRequest('actor', null as never);
  const sessions = createSessionResolver(opts.database.db, opts.sealer);
  app.addHook('onRequest', async (request) => {
    (request as { actor: Actor }).actor = ANONYMOUS;
    if (
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/dhis2/') &&
      !request.url.startsWith('/open311/')
    )
      return;
    const nowIso = opts.clock.now().toISOString();
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await resolveApiKeyActor(opts.database.db, auth.slice(7).trim(), nowIso);
      if (!actor)
        throw new AppError('UNAUTHENTICATED', 'Invalid or revoked API key.', {
          messageVi: 'Khoá API không hợp lệ hoặc đã bị thu hồi.',
        });
      (request as { actor: Actor }).actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await sessions.resolve(token, nowIso);
    (request as { actor: Actor }).actor = actor;
    // Cookie-authenticated writes must prove they come from our page (interfaces.md §2).
    if (actor.kind === 'user' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError('FORBIDDEN', 'Missing or invalid CSRF token.', {
          messageVi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
        });
      }
    }
  });

  // After the actor hook above: every /api/, /open311/, /dhis2/ route's declared access, enforced in one place.
  installRouteAccess(app);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    opts.metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const zodTransform = createJsonSchemaTransform({
    skipList: ['/api/docs', '/api/docs/*', '/healthz', '/readyz', '/metrics'],
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cộng Đồng Số API',
        version: opts.version,
        description:
          'The platform API (/api/v1). Errors: { error: { code, message, messageVi, details } }. Each operation ' +
          'lists how it may be called: the session cookie (with X-CSRF-Token on unsafe methods), an API key with ' +
          'the scope named, or nothing for public operations.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // Relative: the API is served by the same origin as this document.
      servers: [{ url: '/', description: 'This server' }],
      components: { securitySchemes: openApiSecuritySchemes(SESSION_COOKIE) },
    },
    // Security comes from the route's access declaration, the one the server enforces (route-access.ts).
    transform: (document) => {
      const result = zodTransform(document);
      const access = document.route.config?.access;
      const schema = result.schema as { hide?: boolean } | undefined;
      if (!access || !schema || schema.hide) return result;
      const method = Array.isArray(document.route.method) ? document.route.method[0]! : document.route.method;
      return { ...result, schema: { ...schema, security: openApiSecurityOf(access, method) } };
    },
  });
  // The docs UI plugin's routes cannot take options: a wrapper context declares them public.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: publicAccess('read') };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
  app.get(
    '/api/v1/openapi.json',
    { schema: { hide: true }, config: { access: publicAccess('read') } },
    async () => app.swagger(),
  );

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await opts.database.ping();
      return { status: 'ready' };
    } catch {
      return reply.status(503).send(new AppError('UNAVAILABLE').toBody());
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) =>
    serveMetrics(request, reply, {
      metrics: opts.metrics,
      database: opts.database,
      token: opts.metricsToken,
    }),
  );

  await registerWebApp(app, opts.webDist);
  return app;
}

import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
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

export const SESSION_COOKIE = 'cds_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface HttpOptions {
  logger: Logger;
  database: Database;
  metrics: Metrics;
  clock: Clock;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  webDist: string | null;
  version: string;
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
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org'],
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
  await app.register(rateLimit, {
    global: true,
    max: opts.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics',
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  app.decorateRequest('actor', null as never);
  const sessions = createSessionResolver(opts.database.db);
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

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    opts.metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cộng Đồng Số API',
        version: opts.version,
        description: 'The platform API (/api/v1). Errors: { error: { code, message, messageVi, details } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: createJsonSchemaTransform({
      skipList: ['/api/docs', '/api/docs/*', '/healthz', '/readyz', '/metrics'],
    }),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await opts.database.ping();
      return { status: 'ready' };
    } catch {
      return reply.status(503).send(new AppError('UNAVAILABLE').toBody());
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    const pool = opts.database.poolStats();
    opts.metrics.dbPool.set({ state: 'total' }, pool.total);
    opts.metrics.dbPool.set({ state: 'idle' }, pool.idle);
    opts.metrics.dbPool.set({ state: 'waiting' }, pool.waiting);
    return reply.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics());
  });

  await registerWebApp(app, opts.webDist);
  return app;
}

/**
 * The built PWA: hashed assets cached for a year, the HTML and the service worker never cached. Page addresses get
 * index.html (the app), except /capture and below, which get capture.html when the build has it.
 */
async function registerWebApp(app: FastifyInstance, webDist: string | null) {
  const root = webDist ? path.resolve(webDist) : null;
  const hasWeb = root !== null && fs.existsSync(path.join(root, 'index.html'));
  // The capture page is its own lighter document (issue 3's size budget); /capture and below open it.
  const hasCapture = hasWeb && fs.existsSync(path.join(root, 'capture.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders(reply, filePath) {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const apiLike = /^\/(api|open311|dhis2|catalog|dataset)(\/|$)/.test(request.url);
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (hasWeb && !apiLike && (request.method === 'GET' || request.method === 'HEAD') && wantsHtml) {
      void reply.header('cache-control', 'no-cache');
      const capture = hasCapture && /^\/capture(\/|\?|$)/.test(request.url);
      return reply.sendFile(capture ? 'capture.html' : 'index.html');
    }
    return reply
      .status(404)
      .send(new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`).toBody());
  });
}

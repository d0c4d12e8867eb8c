import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { AppError } from '../errors';
import type { SharedCounter } from './shared-counter';

export interface RateLimitOptions {
  counter: SharedCounter;
  /** Per account (session) or API key, per minute. */
  perAccountPerMinute: number;
  /** Per client address, per minute: higher, since one carrier-NAT or commune Wi-Fi address hides many people. */
  anonymousPerMinute: number;
}

/** Probes are never limited: a load balancer polling them must not be refused. */
const UNLIMITED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Who a request counts against: the account for a signed-in user, the key for an integration, the client address
 * (IPv6 by /56, as the plugin does) otherwise. Runs after the actor is resolved (hook below).
 */
export function rateLimitKey(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor.kind === 'user') return `user:${actor.user.id}`;
  if (actor.kind === 'apiKey') return `key:${actor.keyId}`;
  return `addr:${normalizeIP(request.ip)}`;
}

/**
 * A store for @fastify/rate-limit over the shared counter: every limit (the global one and each route's own, such
 * as sign-in's per-address limit) counts in its own namespace, and every server sees the same counts.
 */
function sharedStore(counter: SharedCounter) {
  return class SharedRateLimitStore {
    private readonly namespace: string;
    constructor(_params?: unknown, namespace = 'global') {
      this.namespace = namespace;
    }
    incr(
      key: string,
      callback: (err: Error | null, result: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ) {
      callback(null, counter.increment(`${this.namespace}|${key}`, timeWindow, max));
    }
    child(routeOptions: { routeInfo?: { method?: unknown; url?: unknown } }) {
      const route = routeOptions.routeInfo ?? {};
      return new SharedRateLimitStore(undefined, `${String(route.method)} ${String(route.url)}`);
    }
  };
}

export async function registerRateLimits(app: FastifyInstance, opts: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    // After onRequest, where the session or API key became request.actor, and before validation, so malformed
    // requests count too.
    hook: 'preValidation',
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    max: (_request, key) => (key.startsWith('addr:') ? opts.anonymousPerMinute : opts.perAccountPerMinute),
    allowList: (request) => UNLIMITED_ROUTES.has(request.routeOptions.url ?? ''),
    store: sharedStore(opts.counter) as never,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  app.addHook('onClose', async () => opts.counter.close());
}

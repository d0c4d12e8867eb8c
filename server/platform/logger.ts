import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs. Secrets and personal data never reach them: auth headers, cookies, passwords, tokens,
 * e-mail addresses and phone numbers are redacted wherever they appear in a logged object, and requests are
 * logged by route pattern and a redacted query (never the URL, the client address or a path parameter).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // @fastify/multipart logs the request's headers at trace level ("Providing options to busboy").
  'busboyOptions.headers.authorization',
  'busboyOptions.headers.cookie',
  'busboyOptions.headers["x-csrf-token"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.email',
  '*.phone',
  '*.csrfToken',
];

/**
 * Query parameters whose values are kept in request logs: paging, filters and codes that name no person. Every other
 * value (q, token, email, phone, contact, and any key added later) is replaced, so a new parameter is private by
 * default. Cursors are replaced too: they encode the last row's sort key, which may be a name.
 */
const LOGGED_QUERY_VALUES = new Set([
  'limit',
  'status',
  'period',
  'page',
  'page_size',
  'rows',
  'start',
  'sort',
  'format',
  'outcome',
  'service',
]);

/** "?q=an@x.vn&limit=5" → { q: "[redacted]", limit: "5" }; undefined when the URL has no query. */
export function redactQuery(url: string | undefined): Record<string, string> | undefined {
  const at = url?.indexOf('?') ?? -1;
  if (!url || at < 0) return undefined;
  const out: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of new URLSearchParams(url.slice(at + 1))) {
    if (++n > 20) break;
    const safeKey = key.length <= 40 && /^[\w.[\]-]+$/.test(key) ? key : '[key]';
    out[safeKey] = LOGGED_QUERY_VALUES.has(key) && /^[\w.:,-]{0,64}$/.test(value) ? value : '[redacted]';
  }
  return out;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

/**
 * Replaces Fastify's request serializer (url, host, remoteAddress, remotePort): the route pattern
 * ("/api/v1/invitations/:token") instead of the URL, the redacted query, and no address. Unmatched requests log
 * no path at all, since it may be anything a client typed.
 */
export function serializeRequest(request: LoggedRequest) {
  let route: string | undefined;
  try {
    route = request.routeOptions?.url;
  } catch {
    route = undefined; // requests refused by the router have no route context
  }
  return { method: request.method, route: route ?? '(unmatched)', query: redactQuery(request.url) };
}

export interface LoggerOptions {
  /**
   * false drops Fastify's per-request lines ("incoming request", "request completed") at info and below, while
   * warnings and errors about a request still print. The demo console uses it: two JSON lines a request would scroll
   * the demo-account table away (config.ts decides when: demo mode without an explicit LOG_LEVEL).
   */
  requestLogs?: boolean;
}

const INFO = 30;

/** A Fastify request line carries the request or the reply as its first argument's `req` / `res`. */
function isRequestLine(args: unknown[]): boolean {
  const first = args[0];
  return typeof first === 'object' && first !== null && ('req' in first || 'res' in first);
}

export function createLogger(
  level: string,
  destination?: DestinationStream,
  opts: LoggerOptions = {},
): Logger {
  const quietRequests = opts.requestLogs === false;
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'cong-dong-so' },
    serializers: { req: serializeRequest, err: pino.stdSerializers.err },
    ...(quietRequests && {
      hooks: {
        logMethod(args, method, lineLevel) {
          if (lineLevel <= INFO && isRequestLine(args)) return;
          method.apply(this, args);
        },
      },
    }),
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };

import type { AppError } from '../errors';
import { xmlDocument } from './xml-writer';

/**
 * The error shape of everything under /open311/ (interfaces.md §3, GeoReport v2): a list of `{code, description}`,
 * as XML `<errors><error>…</error></errors>` or JSON `[{"code":…,"description":…}]`, in the format the address asks
 * for (`….json` → JSON, anything else → XML, the format FixMyStreet reads). Status: 404 unknown resource or
 * service, 403 bad or missing key, 400 any other fault of the request; limits (413, 429) and our own failures
 * (500, 503) keep their status so a client backs off or retries as usual.
 */

export const OPEN311_PREFIX = '/open311/';

export function isOpen311Url(url: string): boolean {
  return url.startsWith(OPEN311_PREFIX);
}

/** The format an Open311 address asks for, from the extension of its path. */
export function open311FormatOfUrl(url: string): 'xml' | 'json' {
  const pathname = url.split('?')[0]!;
  return pathname.endsWith('.json') ? 'json' : 'xml';
}

export const OPEN311_CONTENT_TYPES = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

export function open311StatusOf(error: AppError): number {
  switch (error.code) {
    case 'NOT_FOUND':
      return 404;
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return 403;
    case 'PAYLOAD_TOO_LARGE':
    case 'URI_TOO_LONG':
    case 'HEADERS_TOO_LARGE':
    case 'RATE_LIMITED':
    case 'INTERNAL':
    case 'UNAVAILABLE':
      return error.status;
    default:
      return 400;
  }
}

/** One line a client's log can show: the message, then each field's problem (paths and rules, never the input). */
function descriptionOf(error: AppError): string {
  const details = (error.details ?? []).map((d) => `${d.path}: ${d.message}`);
  return details.length > 0 ? `${error.message} ${details.join('; ')}` : error.message;
}

export function open311ErrorPayload(
  url: string,
  error: AppError,
): { status: number; contentType: string; body: string } {
  const status = open311StatusOf(error);
  const format = open311FormatOfUrl(url);
  const errors = [{ code: status, description: descriptionOf(error) }];
  return {
    status,
    contentType: OPEN311_CONTENT_TYPES[format],
    body: format === 'json' ? JSON.stringify(errors) : xmlDocument('errors', errors, { errors: 'error' }),
  };
}

import type { ErrorCode, ErrorDetail } from '../../shared/contracts/errors';

/**
 * The one way the web app talks to /api/v1: JSON in and out, the session cookie (same origin), and the CSRF token
 * the server hands out with sign-in and GET /api/v1/me, sent back on every unsafe request.
 */

export type ApiErrorCode = ErrorCode | 'NETWORK';

/** An answer in the `{ error: { code, message, messageVi, details } }` shape, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly messageVi: string | undefined;
  readonly details: ErrorDetail[];

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    messageVi?: string,
    details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageVi = messageVi;
    this.details = details;
  }

  /** The server's own words in the reader's language (Vietnamese when it sent them). */
  messageIn(language: string): string {
    return language.startsWith('vi') && this.messageVi ? this.messageVi : this.message;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Empty values (undefined, null, '') are left out of the URL. */
  query?: Record<string, QueryValue | readonly string[]>;
  signal?: AbortSignal;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CODES_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  423: 'LOCKED',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function buildUrl(path: string, query?: ApiRequest['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, item);
    } else if (value !== undefined && value !== null && value !== '') {
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((d) => ({
    path: typeof d.path === 'string' ? d.path : '',
    message: typeof d.message === 'string' ? d.message : '',
    ...(typeof d.messageVi === 'string' ? { messageVi: d.messageVi } : {}),
  }));
}

/** Turns any failed response into an ApiError, even when a proxy answered with HTML instead of our JSON. */
export function toApiError(status: number, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  const code = (
    error && typeof error.code === 'string' ? error.code : (CODES_BY_STATUS[status] ?? 'INTERNAL')
  ) as ErrorCode;
  const message =
    error && typeof error.message === 'string' ? error.message : `Request failed (HTTP ${status}).`;
  const messageVi = error && typeof error.messageVi === 'string' ? error.messageVi : undefined;
  return new ApiError(status, code, message, messageVi, parseDetails(error?.details));
}

export function networkError(): ApiError {
  return new ApiError(
    0,
    'NETWORK',
    'Cannot reach the server. Check your connection and try again.',
    'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the API and returns the parsed JSON (undefined for 204). Throws ApiError for every failure, with status 0
 * when the network is down. A `csrfToken` in any answer (sign-in, /me, invitation acceptance) is kept for later
 * unsafe requests.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, request.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  if (isRecord(payload) && typeof payload.csrfToken === 'string') setCsrfToken(payload.csrfToken);
  return payload as T;
}

/** Field errors from a VALIDATION answer, keyed by the field name without its "body." prefix. */
export function fieldErrorsOf(error: unknown, language: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const detail of error.details) {
    const field = detail.path.replace(/^(body|query|params)\./, '');
    if (!field || result[field]) continue;
    result[field] = language.startsWith('vi') && detail.messageVi ? detail.messageVi : detail.message;
  }
  return result;
}

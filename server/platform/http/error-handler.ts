import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { isOpen311Url, open311ErrorPayload } from './open311-errors';

/** Errors that mean "the database is not reachable" on either driver: answered 503, not 500. */
export function isDatabaseDownError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    '57P01',
    '57P02',
    '57P03',
    '08006',
    '08001',
    '08003',
  ];
  if (e.code && codes.includes(e.code)) return true;
  const msg = e.message ?? '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|The database connection is not open|SQLITE_CANTOPEN|driver has already been destroyed/i.test(
    msg,
  );
}

/** Vietnamese for Zod's issue codes, so every field error reads in both languages (contracts may give their own). */
const ISSUE_MESSAGES_VI: Record<string, string> = {
  invalid_type: 'Thiếu hoặc sai kiểu dữ liệu.',
  too_small: 'Giá trị quá ngắn hoặc quá nhỏ.',
  too_big: 'Giá trị quá dài hoặc quá lớn.',
  invalid_format: 'Sai định dạng.',
  invalid_value: 'Giá trị không nằm trong danh sách cho phép.',
  unrecognized_keys: 'Có trường không được phép gửi lên.',
  not_multiple_of: 'Giá trị không hợp lệ.',
  invalid_union: 'Giá trị không hợp lệ.',
  custom: 'Giá trị không hợp lệ.',
};

/** A contract's own Vietnamese text travels in a custom issue's `params.messageVi`. */
function fieldMessageVi(keyword: string, params: unknown): string {
  const own = (params as { params?: { messageVi?: unknown } } | undefined)?.params?.messageVi;
  return typeof own === 'string' ? own : (ISSUE_MESSAGES_VI[keyword] ?? 'Giá trị không hợp lệ.');
}

function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
    return new AppError('VALIDATION', undefined, {
      details: error.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
        messageVi: fieldMessageVi(v.keyword, v.params),
      })),
    });
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('BAD_REQUEST', 'The body is not valid JSON.', {
        messageVi: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
      });
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('BAD_REQUEST', 'The body is not valid JSON.', {
      messageVi: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
    });
  }
  if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (fe.statusCode === 414 || fe.code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('URI_TOO_LONG');
  if (fe.statusCode === 431) return new AppError('HEADERS_TOO_LARGE');
  // Framework messages quote the input (a URL, a header, a content type): answer the generic text instead.
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('BAD_REQUEST');
  if (isDatabaseDownError(error)) return new AppError('UNAVAILABLE');
  return new AppError('INTERNAL');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (appError.code === 'UNAVAILABLE')
      request.log.warn({ err: { message: error.message } }, 'database unavailable');
    if (appError.headers) void reply.headers(appError.headers);
    if (appError.code === 'RATE_LIMITED' && !appError.headers?.['retry-after'])
      void reply.header('retry-after', '60');
    return sendAppError(request, reply, appError);
  });
}

/**
 * The one place an error becomes a body: `{ error: … }` everywhere, except under /open311/, whose clients read the
 * GeoReport v2 error list (open311-errors.ts). The not-found and framework answerers send through here too.
 */
export function sendAppError(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  if (isOpen311Url(request.url)) {
    const o = open311ErrorPayload(request.url, appError);
    return reply.status(o.status).header('content-type', o.contentType).send(o.body);
  }
  return reply.status(appError.status).send(appError.toBody());
}

import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { sendAppError } from './error-handler';

/**
 * Answers refused before a route runs, in the one error shape and without echoing any input: Fastify's own bodies
 * for these cases repeat the URL ("'/api/v1/…' is exceeding the max param length"), which can carry tokens.
 */

/** Fastify's `frameworkErrors`: the router refused the URL (bad percent-encoding, a parameter over maxParamLength). */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('URI_TOO_LONG')
      : new AppError('BAD_REQUEST', 'The address is not valid.', {
          messageVi: 'Địa chỉ yêu cầu không hợp lệ.',
        });
  // The reply has no route context here, so the no-store hook does not run: set it ourselves.
  void sendAppError(request, reply.header('cache-control', 'no-store'), appError);
}

/** The status and error a refused connection gets, from Node's parser error code. */
function clientErrorToAppError(code: string | undefined): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      // Node counts the request line with the headers (16 KB by default): a 20,000-character query lands here.
      return new AppError('HEADERS_TOO_LARGE');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('BAD_REQUEST', 'The request took too long to arrive.', {
        messageVi: 'Yêu cầu gửi đến quá chậm.',
      });
    default:
      return new AppError('BAD_REQUEST');
  }
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes before any request object exists, so the
 * answer is written on the socket by hand (as Node and Fastify do), then the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError = clientErrorToAppError(error.code);
  const body = JSON.stringify(appError.toBody());
  const reason = appError.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'Cache-Control: no-store\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

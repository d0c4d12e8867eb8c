import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit';
import type { Clock } from '../clock';

/** What services need to know about the request for audit and sessions — never the request itself. */
export function requestMeta(request: FastifyRequest) {
  return {
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: String(request.id),
  };
}

export function auditContext(request: FastifyRequest, clock: Clock): AuditContext {
  return { actor: request.actor, ip: request.ip ?? null, requestId: String(request.id), at: clock.now().toISOString() };
}

import { AuditPageSchema, AuditQuerySchema } from '../../../shared/contracts/accounts';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly, userOrApiKey } from '../../platform/http/route-access';
import { AccessLogPageSchema, AccessLogQuerySchema } from '../../../shared/contracts/privacy';
import type { AccessLogService } from './access-log.service';
import type { AuditService } from './audit.service';

export function registerAuditRoutes(app: ZodApp, deps: { audit: AuditService; accessLog: AccessLogService }) {
  const { audit, accessLog } = deps;

  app.get(
    '/api/v1/privacy/access-log',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'listPersonalDataAccess',
        summary: 'Who revealed whose full phone number, when and why — your province, newest first',
        querystring: AccessLogQuerySchema,
        response: { 200: AccessLogPageSchema, ...errorResponses },
      },
    },
    async (request) => accessLog.list(request.actor, request.query),
  );

  app.get(
    '/api/v1/audit',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['accounts'],
        operationId: 'listAuditEntries',
        summary: 'The audit trail of your province, newest first',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses },
      },
    },
    async (request) => audit.listAudit(request.actor, request.query),
  );
}

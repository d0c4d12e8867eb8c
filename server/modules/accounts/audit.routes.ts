import { AuditPageSchema, AuditQuerySchema } from '../../../shared/contracts/accounts';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { userOrApiKey } from '../../platform/http/route-access';
import type { AuditService } from './audit.service';

export function registerAuditRoutes(app: ZodApp, deps: { audit: AuditService }) {
  const { audit } = deps;

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

import { OutboxPageSchema } from '../../../shared/contracts/accounts';
import { PageQuerySchema } from '../../../shared/contracts/paging';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly } from '../../platform/http/route-access';
import type { OutboxService } from './outbox.service';

export function registerOutboxRoutes(app: ZodApp, deps: { outbox: OutboxService }) {
  const { outbox } = deps;

  app.get(
    '/api/v1/outbox',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'listOutbox',
        summary: 'Queued e-mails (demo and development installs only)',
        querystring: PageQuerySchema,
        response: { 200: OutboxPageSchema, ...errorResponses },
      },
    },
    async (request) => outbox.listOutbox(request.actor, request.query),
  );
}

import { z } from 'zod';
import { ApiKeyCreatedSchema, ApiKeysPageSchema, CreateApiKeyBodySchema, IdParamsSchema } from '../../../shared/contracts/accounts';
import { PageQuerySchema } from '../../../shared/contracts/paging';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly } from '../../platform/http/route-access';
import type { ApiKeysService } from './api-keys.service';

export function registerApiKeyRoutes(app: ZodApp, deps: { apiKeys: ApiKeysService; clock: Clock }) {
  const { apiKeys, clock } = deps;

  app.post(
    '/api/v1/api-keys',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'createApiKey',
        summary: 'Issue an API key (the secret is shown once)',
        body: CreateApiKeyBodySchema,
        response: { 201: ApiKeyCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await apiKeys.create(request.actor, request.body, auditContext(request, clock));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/api-keys',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'listApiKeys',
        summary: 'API keys of your area (no secrets)',
        querystring: PageQuerySchema,
        response: { 200: ApiKeysPageSchema, ...errorResponses },
      },
    },
    async (request) => apiKeys.list(request.actor, request.query),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key; it is refused (401) from the next request on',
        params: IdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await apiKeys.revoke(request.actor, request.params.id, auditContext(request, clock));
      return reply.status(204).send(null);
    },
  );
}

import {
  CreateServiceBodySchema,
  ServiceCodeParamsSchema,
  ServiceListQuerySchema,
  ServiceListResponseSchema,
  ServiceSchema,
  UpdateServiceBodySchema,
} from '../../../shared/contracts/services';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import type { ServicesService } from './services.service';

/** The service catalogue: public read, province admins edit. */
export function registerServicesRoutes(app: ZodApp, deps: { services: ServicesService; clock: Clock }) {
  const { services, clock } = deps;

  app.get(
    '/api/v1/services',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['services'],
        operationId: 'listServices',
        summary: 'The service catalogue: the five basic digital skills and the platforms under them',
        querystring: ServiceListQuerySchema,
        response: { 200: ServiceListResponseSchema, ...errorResponses },
      },
    },
    async (request) => services.listServices(request.actor, request.query.status),
  );

  app.post(
    '/api/v1/services',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['services'],
        operationId: 'createService',
        summary: 'Add a service with a new permanent code (services.manage)',
        body: CreateServiceBodySchema,
        response: { 201: ServiceSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await services.createService(request.actor, request.body, auditContext(request, clock));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/v1/services/:code',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['services'],
        operationId: 'updateService',
        summary: 'Rename or retire a service; codes are never deleted (services.manage)',
        params: ServiceCodeParamsSchema,
        body: UpdateServiceBodySchema,
        response: { 200: ServiceSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.updateService(request.actor, request.params.code, request.body, auditContext(request, clock)),
  );
}

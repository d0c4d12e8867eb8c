import { IdParamsSchema } from '../../../shared/contracts/accounts';
import {
  BreachListQuerySchema,
  BreachPageSchema,
  BreachSchema,
  CreateBreachBodySchema,
  UpdateBreachBodySchema,
} from '../../../shared/contracts/privacy';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { BreachesService } from './breaches.service';

/** The breach register: province administrators only, with a session (never an API key). */
export function registerBreachRoutes(app: ZodApp, deps: { breaches: BreachesService; clock: Clock }) {
  const { breaches, clock } = deps;

  app.get(
    '/api/v1/privacy/breaches',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'listBreaches',
        summary: 'Personal-data breaches of your province(s), newest discovery first, with the 72-hour clock',
        querystring: BreachListQuerySchema,
        response: { 200: BreachPageSchema, ...errorResponses },
      },
    },
    async (request) => breaches.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/privacy/breaches',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'recordBreach',
        summary: 'Record a personal-data breach: the notification is due 72 hours after its discovery',
        body: CreateBreachBodySchema,
        response: { 201: BreachSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await breaches.record(request.actor, request.body, auditContext(request, clock))),
  );

  app.get(
    '/api/v1/privacy/breaches/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'getBreach',
        summary: 'One breach of your province (404 outside it)',
        params: IdParamsSchema,
        response: { 200: BreachSchema, ...errorResponses },
      },
    },
    async (request) => breaches.get(request.actor, request.params.id),
  );

  app.patch(
    '/api/v1/privacy/breaches/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'updateBreach',
        summary: 'Complete a breach, record its notification (a late one needs the reason), or close it',
        params: IdParamsSchema,
        body: UpdateBreachBodySchema,
        response: { 200: BreachSchema, ...errorResponses },
      },
    },
    async (request) => breaches.update(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );
}

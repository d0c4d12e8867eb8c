import { z } from 'zod';
import {
  CreateGrantBodySchema,
  IdParamsSchema,
  UpdateUserBodySchema,
  UserDetailSchema,
  UserGrantParamsSchema,
  UserGrantSchema,
  UsersPageSchema,
  UsersQuerySchema,
} from '../../../shared/contracts/accounts';
import { RevealBodySchema, RevealedPhoneSchema } from '../../../shared/contracts/privacy';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly, userOrApiKey } from '../../platform/http/route-access';
import type { UsersService } from './users.service';

export function registerUserRoutes(app: ZodApp, deps: { usersAdmin: UsersService; clock: Clock }) {
  const { usersAdmin, clock } = deps;

  app.get(
    '/api/v1/users',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['accounts'],
        operationId: 'listUsers',
        summary: 'Users holding a grant inside your area (phone numbers masked)',
        querystring: UsersQuerySchema,
        response: { 200: UsersPageSchema, ...errorResponses },
      },
    },
    async (request) => usersAdmin.list(request.actor, request.query),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['accounts'],
        operationId: 'getUser',
        summary: 'One user of your area (404 outside it)',
        params: IdParamsSchema,
        response: { 200: UserDetailSchema, ...errorResponses },
      },
    },
    async (request) => usersAdmin.get(request.actor, request.params.id),
  );

  app.post(
    '/api/v1/users/:id/reveal-phone',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'revealUserPhone',
        summary: 'A user’s full phone number for someone who manages them, with a reason (written to the access log)',
        params: IdParamsSchema,
        body: RevealBodySchema,
        response: { 200: RevealedPhoneSchema, ...errorResponses },
      },
    },
    async (request) =>
      usersAdmin.revealPhone(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'updateUser',
        summary: 'Rename, disable or re-activate a user (disabling ends their sessions)',
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserDetailSchema, ...errorResponses },
      },
    },
    async (request) => usersAdmin.update(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/users/:id/grants',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'addUserGrant',
        summary: 'Give a user a role at a unit',
        params: IdParamsSchema,
        body: CreateGrantBodySchema,
        response: { 201: UserGrantSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const grant = await usersAdmin.addGrant(request.actor, request.params.id, request.body, auditContext(request, clock));
      return reply.status(201).send(grant);
    },
  );

  app.delete(
    '/api/v1/users/:id/grants/:grantId',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'removeUserGrant',
        summary: "Remove a user's role (never the last administrator of a province)",
        params: UserGrantParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await usersAdmin.removeGrant(request.actor, request.params.id, request.params.grantId, auditContext(request, clock));
      return reply.status(204).send(null);
    },
  );
}

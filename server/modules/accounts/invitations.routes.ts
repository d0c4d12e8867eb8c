import type { Clock } from '../../platform/clock';
import {
  AcceptInvitationBodySchema,
  CreateInvitationBodySchema,
  InvitationCreatedSchema,
  InvitationTokenParamsSchema,
  InvitationViewSchema,
  LoginResponseSchema,
} from '../../../shared/contracts/accounts';
import { auditContext, requestMeta } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import { setSessionCookie } from './auth.routes';
import type { InvitationsService } from './invitations.service';

export function registerInvitationRoutes(
  app: ZodApp,
  deps: { invitations: InvitationsService; clock: Clock; cookieSecure: boolean },
) {
  const { invitations, clock } = deps;

  app.post(
    '/api/v1/invitations',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'createInvitation',
        summary: 'Invite someone to a role at a unit; returns the link (e-mailed when an e-mail is given)',
        body: CreateInvitationBodySchema,
        response: { 201: InvitationCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await invitations.invite(request.actor, request.body, auditContext(request, clock));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['accounts'],
        operationId: 'getInvitation',
        summary: 'What an invitation offers (404 when unknown, used or expired)',
        params: InvitationTokenParamsSchema,
        response: { 200: InvitationViewSchema, ...errorResponses },
      },
    },
    async (request) => invitations.describe(request.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      schema: {
        tags: ['accounts'],
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation: creates the account (or adds the grant to yours) and signs in',
        params: InvitationTokenParamsSchema,
        body: AcceptInvitationBodySchema,
        response: { 200: LoginResponseSchema, ...errorResponses },
      },
      // Accepting into an existing account checks its password: limit guessing like sign-in does.
      config: { access: publicAccess(), rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await invitations.accept(request.params.token, request.body, requestMeta(request));
      setSessionCookie(reply, result, deps.cookieSecure);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );
}

import { z } from 'zod';
import { ChangePasswordBodySchema, UpdateProfileBodySchema, UserSchema } from '../../../shared/contracts/accounts';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly } from '../../platform/http/route-access';
import type { ProfileService } from './profile.service';

export function registerProfileRoutes(app: ZodApp, deps: { profile: ProfileService; clock: Clock }) {
  const { profile, clock } = deps;

  app.patch(
    '/api/v1/me',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'updateMe',
        summary: 'Change your name, phone or language',
        body: UpdateProfileBodySchema,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => profile.updateProfile(request.actor, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['accounts'],
        operationId: 'changeMyPassword',
        summary: 'Change your password; your other sessions end',
        body: ChangePasswordBodySchema,
        response: { 204: z.null(), ...errorResponses },
      },
      // Guessing the current password from a stolen session is limited like sign-in.
      config: { access: sessionOnly(), rateLimit: { max: 10, timeWindow: '15 minutes' } },
    },
    async (request, reply) => {
      await profile.changePassword(request.actor, request.body, auditContext(request, clock));
      return reply.status(204).send(null);
    },
  );
}

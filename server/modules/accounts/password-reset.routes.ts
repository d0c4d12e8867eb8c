import { z } from 'zod';
import {
  AcceptedResponseSchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
} from '../../../shared/contracts/accounts';
import { requestMeta } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess } from '../../platform/http/route-access';
import type { PasswordResetService } from './password-reset.service';

const ACCEPTED = {
  message: 'If an account uses this e-mail, a link to reset its password is on its way.',
  messageVi: 'Nếu email này có tài khoản, liên kết đặt lại mật khẩu đã được gửi đến hộp thư.',
};

export function registerPasswordResetRoutes(app: ZodApp, deps: { passwordReset: PasswordResetService }) {
  const { passwordReset } = deps;

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['accounts'],
        operationId: 'requestPasswordReset',
        summary: 'Send a password reset link by e-mail or, for a phone number, through the SMS/Zalo webhook (always 202: does not reveal whether the account exists)',
        body: PasswordResetRequestBodySchema,
        response: { 202: AcceptedResponseSchema, ...errorResponses },
      },
      // Per client address; the service adds a per-account limit.
      config: { access: publicAccess(), rateLimit: { max: 5, timeWindow: '15 minutes' } },
    },
    async (request, reply) => {
      await passwordReset.requestReset(request.body, requestMeta(request));
      return reply.status(202).send(ACCEPTED);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        tags: ['accounts'],
        operationId: 'confirmPasswordReset',
        summary: 'Set a new password with the mailed token; ends every session of the account',
        body: PasswordResetConfirmBodySchema,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { access: publicAccess(), rateLimit: { max: 20, timeWindow: '15 minutes' } },
    },
    async (request, reply) => {
      await passwordReset.confirmReset(request.body.token, request.body.password, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}

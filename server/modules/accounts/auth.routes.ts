import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  LoginBodySchema,
  LoginResponseSchema,
  MeResponseSchema,
} from '../../../shared/contracts/accounts';
import { SESSION_COOKIE } from '../../platform/http/create-server';
import { requestMeta } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { AuthService } from './auth.service';

/** The session cookie, the same for sign-in and for accepting an invitation. */
export function setSessionCookie(reply: FastifyReply, session: { token: string; maxAgeSeconds: number }, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: session.maxAgeSeconds,
  });
}

export function registerAuthRoutes(app: ZodApp, deps: { auth: AuthService; cookieSecure: boolean }) {
  const { auth } = deps;

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...errorResponses },
      },
      // Per-address limit on top of the per-account lock: slows password spraying across accounts.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await auth.login(request.body.email, request.body.password, requestMeta(request));
      setSessionCookie(reply, result, deps.cookieSecure);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.logout(request.actor);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out of every session of this account',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await auth.logoutEverywhere(request.actor, requestMeta(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, their grants, teams and allowed actions',
        response: { 200: MeResponseSchema, ...errorResponses },
      },
    },
    async (request) => auth.describeMe(request.actor),
  );
}

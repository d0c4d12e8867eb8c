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
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
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
        operationId: 'signIn',
        summary: 'Sign in with e-mail or phone number and password; sets the session cookie',
        description:
          'Unknown identifiers and wrong passwords get the same 401. After repeated failures from one address the ' +
          'identifier (and the address) must wait a growing time: 429 RATE_LIMITED with Retry-After, the same for ' +
          'unknown identifiers. No account is ever locked.',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...errorResponses },
      },
      // Guessers are slowed by the database-kept sign-in throttle (per identifier + address, and per address),
      // not by a per-minute ceiling that would also refuse a commune's people signing in behind one Wi-Fi address.
      config: { access: publicAccess() },
    },
    async (request, reply) => {
      const result = await auth.login(request.body, requestMeta(request));
      setSessionCookie(reply, result, deps.cookieSecure);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['accounts'],
        operationId: 'signOut',
        summary: 'Sign out of this session (nothing to do when signed out)',
        response: { 204: z.null(), 403: errorResponses[403] },
      },
    },
    async (request, reply) => {
      await auth.logout(request.actor);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'signOutEverywhere',
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
      config: { access: sessionOnly() },
      schema: {
        tags: ['accounts'],
        operationId: 'getMe',
        summary: 'The signed-in user, their grants, teams and allowed actions',
        response: { 200: MeResponseSchema, ...errorResponses },
      },
    },
    async (request) => auth.describeMe(request.actor),
  );
}

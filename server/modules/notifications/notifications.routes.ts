import { z } from 'zod';
import {
  ListNotificationsQuerySchema,
  NotificationIdParamsSchema,
  NotificationPageSchema,
  NotificationPreferencesSchema,
  PutNotificationPreferencesBodySchema,
} from '../../../shared/contracts/notifications';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly } from '../../platform/http/route-access';
import type { NotificationsService } from './notifications.service';

/** The caller's own notifications; every route requires a signed-in user (API keys have no inbox). */
export function registerNotificationRoutes(app: ZodApp, deps: { notifications: NotificationsService; clock: Clock }) {
  const { notifications, clock } = deps;

  app.get(
    '/api/v1/notifications',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['notifications'],
        operationId: 'listNotifications',
        summary: 'My notifications, newest first, with the unread count',
        querystring: ListNotificationsQuerySchema,
        response: { 200: NotificationPageSchema, ...errorResponses },
      },
    },
    async (request) => notifications.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['notifications'],
        operationId: 'markAllNotificationsRead',
        summary: 'Mark all my notifications read',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await notifications.markAllRead(auditContext(request, clock));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['notifications'],
        operationId: 'markNotificationRead',
        summary: 'Mark one of my notifications read',
        params: NotificationIdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await notifications.markRead(auditContext(request, clock), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/notifications/preferences',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['notifications'],
        operationId: 'getNotificationPreferences',
        summary: 'How I am notified, per kind',
        response: { 200: NotificationPreferencesSchema, ...errorResponses },
      },
    },
    async (request) => notifications.getPreferences(request.actor),
  );

  app.put(
    '/api/v1/notifications/preferences',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['notifications'],
        operationId: 'putNotificationPreferences',
        summary: 'Change how I am notified; kinds left out keep their setting',
        body: PutNotificationPreferencesBodySchema,
        response: { 200: NotificationPreferencesSchema, ...errorResponses },
      },
    },
    async (request) => notifications.putPreferences(auditContext(request, clock), request.body),
  );
}

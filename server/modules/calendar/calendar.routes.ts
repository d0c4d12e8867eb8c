import { z } from 'zod';
import {
  CalendarDayBodySchema,
  CalendarDayParamsSchema,
  CalendarDaySchema,
  CalendarParamsSchema,
  CalendarYearQuerySchema,
  CalendarYearSchema,
  WorkingHoursBodySchema,
  WorkingHoursSchema,
} from '../../../shared/contracts/calendar';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { CalendarService } from './calendar.service';

/** The working-day calendar of a province: anyone reads it (deadlines are public); its administrators edit it. */
export function registerCalendarRoutes(app: ZodApp, deps: { calendar: CalendarService; clock: Clock }) {
  const { calendar, clock } = deps;

  app.get(
    '/api/v1/calendars/:provinceCode',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['calendar'],
        operationId: 'getWorkingCalendar',
        summary:
          'A province’s working hours and the year’s holidays and swapped days (national list + province)',
        params: CalendarParamsSchema,
        querystring: CalendarYearQuerySchema,
        response: { 200: CalendarYearSchema, ...errorResponses },
      },
    },
    async (request) => calendar.readYear(request.actor, request.params.provinceCode, request.query.year),
  );

  app.put(
    '/api/v1/calendars/:provinceCode/hours',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['calendar'],
        operationId: 'setWorkingHours',
        summary: 'Replace the province’s working periods and working weekdays (calendar.manage)',
        params: CalendarParamsSchema,
        body: WorkingHoursBodySchema,
        response: { 200: WorkingHoursSchema, ...errorResponses },
      },
    },
    async (request) =>
      calendar.setHours(
        request.actor,
        request.params.provinceCode,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.put(
    '/api/v1/calendars/:provinceCode/days/:day',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['calendar'],
        operationId: 'setCalendarDay',
        summary:
          'Add or replace the province’s entry for a date: a day off, a working day or a cancellation (calendar.manage)',
        params: CalendarDayParamsSchema,
        body: CalendarDayBodySchema,
        response: { 200: CalendarDaySchema, ...errorResponses },
      },
    },
    async (request) =>
      calendar.setDay(
        request.actor,
        request.params.provinceCode,
        request.params.day,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.delete(
    '/api/v1/calendars/:provinceCode/days/:day',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['calendar'],
        operationId: 'removeCalendarDay',
        summary: 'Remove the province’s entry for a date; the national list decides again (calendar.manage)',
        params: CalendarDayParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await calendar.removeDay(
        request.actor,
        request.params.provinceCode,
        request.params.day,
        auditContext(request, clock),
      );
      return reply.status(204).send(null);
    },
  );
}

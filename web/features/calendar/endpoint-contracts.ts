import {
  CalendarDayBodySchema,
  CalendarDaySchema,
  CalendarYearSchema,
  WorkingHoursBodySchema,
  WorkingHoursSchema,
} from '../../../shared/contracts/calendar';
import { noContent, ok, type EndpointContract } from '../../endpoint-contract';

/**
 * A province's working hours and its days, for web/test-contracts.ts, whose fake API checks every body against them.
 */
export const CALENDAR_CONTRACTS: EndpointContract[] = [
  { method: 'GET', path: '/api/v1/calendars/:provinceCode', responses: ok(CalendarYearSchema) },
  {
    method: 'PUT',
    path: '/api/v1/calendars/:provinceCode/hours',
    body: WorkingHoursBodySchema,
    responses: ok(WorkingHoursSchema),
  },
  {
    method: 'PUT',
    path: '/api/v1/calendars/:provinceCode/days/:day',
    body: CalendarDayBodySchema,
    responses: ok(CalendarDaySchema),
  },
  { method: 'DELETE', path: '/api/v1/calendars/:provinceCode/days/:day', responses: noContent },
];

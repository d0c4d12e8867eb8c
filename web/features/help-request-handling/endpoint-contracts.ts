import {
  CreateHelpRequestBodySchema,
  CreateHelpRequestResultSchema,
  HelpRequestActionBodySchema,
  HelpRequestDetailSchema,
  HelpRequestPageSchema,
  HelpRequestSettingsBodySchema,
  HelpRequestSettingsSchema,
  PublicHelpRequestSchema,
  RateHelpRequestBodySchema,
  RateHelpRequestResultSchema,
  RevealedHelpRequestContactSchema,
  RevealHelpRequestContactBodySchema,
  StaffHelpRequestBodySchema,
} from '../../../shared/contracts/help-requests';
import type { EndpointContract } from '../../test-contracts';

/**
 * The help-request endpoints the web calls (issue 11): the citizens' form, status page and rating, and the staff's
 * list, request, steps, reveal and settings — for web/test-contracts.ts (the fake API checks every body against
 * them; server/test/web-test-contracts.test.ts checks them against the server's routes). The settings come before
 * `/:id`, which would otherwise match them.
 */
export const HELP_REQUEST_CONTRACTS: EndpointContract[] = [
  {
    method: 'POST',
    path: '/api/v1/help-requests',
    body: CreateHelpRequestBodySchema,
    responses: { 200: CreateHelpRequestResultSchema, 201: CreateHelpRequestResultSchema },
  },
  { method: 'GET', path: '/api/v1/help-requests/track/:code', responses: { 200: PublicHelpRequestSchema } },
  {
    method: 'POST',
    path: '/api/v1/help-requests/track/:code/rate',
    body: RateHelpRequestBodySchema,
    responses: { 200: RateHelpRequestResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/help-requests/staff-filed',
    body: StaffHelpRequestBodySchema,
    responses: { 200: CreateHelpRequestResultSchema, 201: CreateHelpRequestResultSchema },
  },
  { method: 'GET', path: '/api/v1/help-requests', responses: { 200: HelpRequestPageSchema } },
  { method: 'GET', path: '/api/v1/help-requests/settings', responses: { 200: HelpRequestSettingsSchema } },
  {
    method: 'PUT',
    path: '/api/v1/help-requests/settings',
    body: HelpRequestSettingsBodySchema,
    responses: { 200: HelpRequestSettingsSchema },
  },
  { method: 'GET', path: '/api/v1/help-requests/:id', responses: { 200: HelpRequestDetailSchema } },
  {
    method: 'POST',
    path: '/api/v1/help-requests/:id/actions',
    body: HelpRequestActionBodySchema,
    responses: { 200: HelpRequestDetailSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/help-requests/:id/reveal-contact',
    body: RevealHelpRequestContactBodySchema,
    responses: { 200: RevealedHelpRequestContactSchema },
  },
];
